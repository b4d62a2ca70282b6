using Lede.Dedupe;
using static Lede.Tests.Dedupe.WireCorpus;

namespace Lede.Tests.Dedupe;

public sealed class DuplicateIndexTests
{
    private static readonly DateTime Noon = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, string, DuplicateMethod?> Copies => new()
    {
        { "different headline, same body", Story(BanStory), DuplicateMethod.ExactText },
        { "agency footer appended", WithFooter(BanStory), DuplicateMethod.Resemblance },
        { "dateline changed", WithDateline(BanStory, "MINNEAPOLIS (AP) —", "ST. PAUL, Minn. (AP) —"), DuplicateMethod.Resemblance },
        { "one paragraph cut", WithoutParagraph(BanStory, 3), null },
        { "last paragraph cut and footer added", WithoutParagraph(BanStory, 5) + "\n" + ApFooter, null },
        { "truncated at 70 %", Truncated(BanStory, 0.7), DuplicateMethod.ContainedInEarlier },
        { "run in full inside a longer local piece", Embedded(BanStory, BanRewrite[..3], BanRewrite[3..]), DuplicateMethod.ContainsEarlier },
    };

    [Theory]
    [MemberData(nameof(Copies))]
    public void A_syndicated_copy_is_a_duplicate_of_the_wire_story(string change, string copy, DuplicateMethod? method)
    {
        var index = Seeded();

        var match = index.Add("copy", TextFingerprint.Create("A different headline", copy), Noon.AddHours(3));

        match.ShouldNotBeNull(change);
        match.OfId.ShouldBe("ban");
        // null: resemblance or containment, whichever the estimate reaches first.
        match.Method.ShouldBe(method ?? match.Method, change);
        match.Method.ShouldBeOneOf(DuplicateMethod.ExactText, DuplicateMethod.Resemblance, DuplicateMethod.ContainedInEarlier, DuplicateMethod.ContainsEarlier);
        match.Similarity.ShouldBeGreaterThanOrEqualTo(0.8);
        match.Why.ShouldNotBeNullOrWhiteSpace();
    }

    public static TheoryData<string, string> Rewrites => new()
    {
        { "ban", Join(BanRewrite) },
        { "chips", Join(ChipRewrite) },
        { "study", Join(StudyRewrite) },
        { "ban rewrite with the agency footer", Join(BanRewrite) + "\n" + ApFooter },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void Another_desks_story_on_the_same_event_is_not_a_duplicate(string name, string rewrite)
        => Seeded().Add("rewrite", TextFingerprint.Create(rewrite), Noon.AddHours(1)).ShouldBeNull(name);

    [Fact]
    public void Two_different_stories_sharing_only_the_agency_footer_are_not_duplicates()
    {
        var index = new DuplicateIndex();
        index.Add("a", TextFingerprint.Create(Join(BanStory[..2]) + "\n" + ApFooter), Noon).ShouldBeNull();
        index.Add("b", TextFingerprint.Create(Join(ChipStory[..2]) + "\n" + ApFooter), Noon).ShouldBeNull();
    }

    [Fact]
    public void A_copy_arriving_first_is_matched_the_other_way_round()
    {
        var index = new DuplicateIndex();
        index.Add("long", TextFingerprint.Create(Embedded(StudyStory, StudyRewrite[..2], StudyRewrite[2..])), Noon).ShouldBeNull();

        var match = index.Add("wire", TextFingerprint.Create(Story(StudyStory)), Noon.AddHours(1));

        match.ShouldNotBeNull();
        match.Method.ShouldBe(DuplicateMethod.ContainedInEarlier);
        match.OfId.ShouldBe("long");
    }

    [Fact]
    public void A_headline_alone_matches_only_the_same_headline_on_the_same_day()
    {
        var index = new DuplicateIndex();
        index.Add("mon", TextFingerprint.Create("Morning briefing: what to know today", null), Noon).ShouldBeNull();

        index.Add("mon-again", TextFingerprint.Create("MORNING BRIEFING — what to know today!", ""), Noon.AddHours(5))!.Method.ShouldBe(DuplicateMethod.ExactShortText);
        index.Add("tue", TextFingerprint.Create("Morning briefing: what to know today", null), Noon.AddDays(1)).ShouldBeNull();
        index.Add("undated", TextFingerprint.Create("Morning briefing: what to know today", null), null).ShouldBeNull();
    }

    [Fact]
    public void Short_texts_that_differ_by_one_word_are_not_near_duplicates()
    {
        var index = new DuplicateIndex();
        index.Add("a", TextFingerprint.Create("Nvidia shares rise after record quarter on strong demand for AI chips", null), Noon).ShouldBeNull();
        index.Add("b", TextFingerprint.Create("Nvidia shares fall after record quarter on strong demand for AI chips", null), Noon).ShouldBeNull();
    }

    [Fact]
    public void Copies_further_apart_than_the_window_are_not_duplicates_and_old_articles_leave_the_index()
    {
        var index = new DuplicateIndex(new DuplicateIndexOptions { Window = TimeSpan.FromDays(2) });
        index.Add("old", TextFingerprint.Create(Story(ChipStory)), Noon).ShouldBeNull();

        index.Add("late", TextFingerprint.Create(WithFooter(ChipStory)), Noon.AddDays(3)).ShouldBeNull();

        index.Count.ShouldBe(1);
        index.Find("probe", TextFingerprint.Create(Story(ChipStory)), Noon.AddDays(3))!.OfId.ShouldBe("late");
    }

    [Fact]
    public void A_removed_article_is_no_longer_matched_and_an_id_added_again_replaces_its_entry()
    {
        var index = Seeded();
        index.Remove("chips").ShouldBeTrue();
        index.Remove("chips").ShouldBeFalse();
        index.Add("copy", TextFingerprint.Create(WithFooter(ChipStory)), Noon).ShouldBeNull();

        // The same id again with new text is an update, never a duplicate of itself.
        index.Add("copy", TextFingerprint.Create(WithFooter(ChipStory) + " Updated."), Noon).ShouldBeNull();
        index.Count.ShouldBe(3);
    }

    [Fact]
    public void The_index_stays_bounded_by_max_articles_and_still_matches_after_compaction()
    {
        var index = new DuplicateIndex(new DuplicateIndexOptions { MaxArticles = 50 });
        for (var i = 0; i < 2000; i++)
        {
            index.Add($"n{i}", TextFingerprint.Create(GeneratedText.Article(i, 120)), null);
        }

        index.Count.ShouldBe(50);
        index.Add("copy", TextFingerprint.Create(GeneratedText.Article(1990, 120) + " " + ApFooter), null)!.OfId.ShouldBe("n1990");
        index.Add("gone", TextFingerprint.Create(GeneratedText.Article(10, 120)), null).ShouldBeNull();
    }

    [Fact]
    public void Broken_input_is_not_indexed_and_does_not_throw()
    {
        var index = new DuplicateIndex();
        index.Add("", TextFingerprint.Create(Story(BanStory)), Noon).ShouldBeNull();
        index.Add(null!, TextFingerprint.Create(Story(BanStory)), Noon).ShouldBeNull();
        index.Add("x", null!, Noon).ShouldBeNull();
        index.Find(null!, TextFingerprint.Create(Story(BanStory)), Noon).ShouldBeNull();
        index.Remove(null!).ShouldBeFalse();
        index.Count.ShouldBe(0);
    }

    private static DuplicateIndex Seeded()
    {
        var index = new DuplicateIndex();
        index.Add("ban", TextFingerprint.Create("Minneapolis bans police use of facial recognition", Story(BanStory)), Noon).ShouldBeNull();
        index.Add("chips", TextFingerprint.Create("Nvidia forecasts another record quarter", Story(ChipStory)), Noon).ShouldBeNull();
        index.Add("study", TextFingerprint.Create("Chatbots give risky drug advice, study finds", Story(StudyStory)), Noon).ShouldBeNull();
        return index;
    }
}

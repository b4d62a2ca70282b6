using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryClustererDetailTests
{
    private static readonly DateTime Day = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    // One kind of event (an aide of a scandal dies) told about two different people: the words are shared, the names are not.
    private const string Words = "the former aide who helped the campaign committee during the scandal died on a morning in his hotel room "
        + "according to the coroner and relatives who said the cause was natural while investigators closed the inquiry quickly "
        + "colleagues remembered a quiet organiser with loyal friends across the capital and a long career in business and oil "
        + "he delivered money to burglars kept ledgers for donors testified before senators served four months in prison "
        + "and later returned to banking farming ranching insurance shipping and real estate ventures along the gulf coast";

    private static StoryDocument Obituary(string id, string first, string last, double hours)
        => new(id, $"Watergate figure {first} {last} dies at 75",
            $"Officials said {first} {last} had died. {Words}. Friends of {first} {last} spoke. Later {last} was buried near Biloxi. Records of {last} stay sealed.",
            Day.AddHours(hours), null, null);

    private static string BestLine(StoryAssignment assignment)
        => assignment.Why.Single(line => line.StartsWith("best story", StringComparison.Ordinal));

    [Fact]
    public void An_article_whose_strongest_name_the_story_lacks_and_that_lacks_the_story_s_scores_half()
    {
        var withCheck = new StoryClusterer(new StoryClusterOptions { MergeThreshold = 0 });
        var without = new StoryClusterer(new StoryClusterOptions { MergeThreshold = 0, DetailConflictFactor = 1 });
        withCheck.Add(Obituary("a", "Fred", "Larue", 0));
        without.Add(Obituary("a", "Fred", "Larue", 0));

        var checkedOne = withCheck.Add(Obituary("b", "Mark", "Felt", 3));
        var plain = without.Add(Obituary("b", "Mark", "Felt", 3));

        BestLine(checkedOne).ShouldContain("× details 0.50 (differ:");
        checkedOne.Score.ShouldBe(plain.Score * 0.5, 1e-9);
    }

    [Fact]
    public void An_article_leading_with_the_story_s_names_agrees_and_joins()
    {
        var clusterer = new StoryClusterer();
        clusterer.Add(Obituary("a", "Fred", "Larue", 0));

        var second = clusterer.Add(Obituary("b", "Fred", "Larue", 3));

        BestLine(second).ShouldContain("(agree:");
        second.Opened.ShouldBeFalse(string.Join("\n", second.Why));
    }

    // One kind of event told about one team: a report that leads with its star, then reports that lead with the team.
    private static StoryDocument Game(string id, string team, string rival, string star, double hours)
        => new(id, $"{team} beat the {rival} to clinch a playoff berth",
            $"The {team} beat the {rival} on Sunday behind {star}. {Words}. {star} threw twice. Then {star} ran once. The {rival} fell. Coach praised {star}.",
            Day.AddHours(hours), null, null);

    private static StoryDocument TeamFirst(string id, string team, string rival, string star, double hours)
        => new(id, $"{team} beat the {rival} to clinch a playoff berth",
            $"The {team} beat the {rival} on Sunday. {Words}. The {team} defence held. Fans of the {team} cheered {star}. The {team} travel next.",
            Day.AddHours(hours), null, null);

    [Fact]
    public void A_one_article_story_whose_leading_name_the_article_lacks_is_another_event()
    {
        var young = new StoryClusterer(new StoryClusterOptions { MergeThreshold = 0 });
        var off = new StoryClusterer(new StoryClusterOptions { MergeThreshold = 0, YoungStoryArticles = 0 });
        young.Add(Game("a", "Colts", "Jaguars", "Manning", 0));
        off.Add(Game("a", "Colts", "Jaguars", "Manning", 0));

        var checkedOne = young.Add(TeamFirst("b", "Colts", "Chiefs", "Luck", 3));
        var plain = off.Add(TeamFirst("b", "Colts", "Chiefs", "Luck", 3));

        BestLine(plain).ShouldContain("(agree: article colts");
        BestLine(checkedOne).ShouldContain("× details 0.50 (differ:");
        checkedOne.Score.ShouldBe(plain.Score * 0.5, 1e-9);
    }

    [Fact]
    public void A_one_article_story_whose_leading_name_the_article_shares_is_judged_as_before()
    {
        var young = new StoryClusterer(new StoryClusterOptions { MergeThreshold = 0 });
        var off = new StoryClusterer(new StoryClusterOptions { MergeThreshold = 0, YoungStoryArticles = 0 });
        young.Add(Game("a", "Colts", "Jaguars", "Manning", 0));
        off.Add(Game("a", "Colts", "Jaguars", "Manning", 0));

        var checkedOne = young.Add(TeamFirst("b", "Colts", "Jaguars", "Manning", 3));
        var plain = off.Add(TeamFirst("b", "Colts", "Jaguars", "Manning", 3));

        checkedOne.Score.ShouldBe(plain.Score, 1e-9);
        checkedOne.Opened.ShouldBeFalse(string.Join("\n", checkedOne.Why));
    }

    [Fact]
    public void Merged_story_ids_resolve_to_the_earlier_story_through_chains()
    {
        var map = new StoryIdMap();
        map.Record(new StoryAssignment(5, false, 0.5, []) { Merged = [9] });
        map.Record(new StoryAssignment(2, false, 0.5, []) { Merged = [5] });

        map.Resolve(9).ShouldBe(2);
        map.Resolve(5).ShouldBe(2);
        map.Resolve(7).ShouldBe(7);
    }

    [Fact]
    public void Broken_documents_still_get_a_story_with_the_detail_check_on()
    {
        var clusterer = new StoryClusterer();
        clusterer.Add(Obituary("a", "Fred", "Larue", 0));

        var broken = clusterer.Add(new StoryDocument(null!, null, null!, null, null, null));

        broken.Opened.ShouldBeTrue();
    }
}

using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryClustererTests
{
    private static readonly DateTime Day = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    private static StoryDocument Doc(string id, string title, string text, double hours = 0, string? provider = null)
        => new(id, title, text, Day.AddHours(hours), provider, null);

    private static StoryDocument Waterville(string id, double hours, string provider) => Doc(id,
        "Waterville police halt facial recognition pilot after council vote",
        "The Waterville City Council voted 5-2 on Tuesday to stop the police department's pilot of Clearview facial recognition software. "
        + "Chief Marie Dubois said officers had used the Clearview system in 40 searches since January. Councillor Tom Hale proposed the halt.",
        hours, provider);

    private static StoryDocument Earthquake(string id, double hours) => Doc(id,
        "Magnitude 6.1 earthquake strikes near Sendai, Japan",
        "A magnitude 6.1 earthquake struck off the coast of Miyagi prefecture near Sendai on Tuesday, the Japan Meteorological Agency said. "
        + "No tsunami warning was issued and Tohoku Electric reported no damage at the Onagawa plant.",
        hours);

    [Fact]
    public void Two_unrelated_stories_are_kept_apart_and_each_gets_its_own_id()
    {
        var clusterer = new StoryClusterer();

        var a = clusterer.Add(Waterville("a", 0, "Herald"));
        var b = clusterer.Add(Earthquake("b", 1));

        a.StoryId.ShouldBe(1);
        a.Opened.ShouldBeTrue();
        b.StoryId.ShouldBe(2);
        b.Opened.ShouldBeTrue();
    }

    [Fact]
    public void Reworded_coverage_of_the_same_event_from_another_outlet_joins_the_story()
    {
        var clusterer = new StoryClusterer();
        var first = clusterer.Add(Waterville("a", 0, "Herald"));
        clusterer.Add(Earthquake("q", 1));

        var reworded = clusterer.Add(Doc("b",
            "Council ends Waterville police use of Clearview face-scanning tool",
            "Waterville councillors have ordered the police to end a trial of Clearview AI's facial recognition tool. Chief Marie Dubois "
            + "told the council the department ran 40 searches with Clearview this year. The motion by Tom Hale passed 5-2.",
            hours: 5,
            provider: "Sentinel"));

        reworded.Opened.ShouldBeFalse(string.Join("\n", reworded.Why));
        reworded.StoryId.ShouldBe(first.StoryId);
        clusterer.Members(first.StoryId).ShouldBe(["a", "b"]);
        reworded.Why.ShouldContain(line => line.StartsWith("shared entities:", StringComparison.Ordinal) && line.Contains("clearview", StringComparison.Ordinal));
    }

    [Fact]
    public void A_syndicated_copy_joins_its_original()
    {
        var clusterer = new StoryClusterer();
        var original = clusterer.Add(Earthquake("a", 0));

        var copy = clusterer.Add(Earthquake("b", 2) with { Provider = "Wire reprint" });

        copy.StoryId.ShouldBe(original.StoryId);
        copy.Score.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void Articles_sharing_only_a_topic_and_a_day_stay_apart()
    {
        var clusterer = new StoryClusterer();
        // Issue 5: the teaching essay must not be related to the open letter about facial recognition.
        var letter = clusterer.Add(Doc("letter",
            "Researchers sign open letter calling for a ban on facial recognition by police",
            "More than 1,000 AI researchers signed an open letter organised by the Algorithmic Justice League asking the United Nations "
            + "for a moratorium on police facial recognition. Signatories include Timnit Gebru and Joy Buolamwini.",
            hours: 0));
        var teaching = clusterer.Add(Doc("teaching",
            "AI Technology: A Disrupter to Teaching and Learning",
            "Schools are adopting AI technology quickly. Teachers in Ohio worry that chatbots write essays, while some districts test "
            + "facial recognition for attendance. Professor Linda Park of Kent State says the classroom must change.",
            hours: 3));

        teaching.Opened.ShouldBeTrue(string.Join("\n", teaching.Why));
        teaching.StoryId.ShouldNotBe(letter.StoryId);
    }

    [Fact]
    public void A_story_older_than_the_window_is_not_joined()
    {
        var clusterer = new StoryClusterer(new StoryClusterOptions { WindowDays = 7 });
        var first = clusterer.Add(Waterville("a", 0, "Herald"));
        var soon = clusterer.Add(Waterville("b", 24, "Sentinel"));

        var late = clusterer.Add(Waterville("c", 24 * 10, "Gazette"));

        soon.StoryId.ShouldBe(first.StoryId);
        late.Opened.ShouldBeTrue();
        late.StoryId.ShouldNotBe(first.StoryId);
    }

    [Fact]
    public void Evicted_stories_leave_the_active_pool()
    {
        var clusterer = new StoryClusterer(new StoryClusterOptions { WindowDays = 1 });
        for (var i = 0; i < 300; i++)
        {
            // One new story per document, one hour apart: only about a day's worth may stay active.
            clusterer.Add(Doc($"d{i}", $"Topic{i} Event{i} happened", $"Place{i} saw Person{i} at Venue{i}.", hours: i));
        }

        clusterer.ActiveStories.ShouldBeLessThan(300);
        clusterer.Members(1).ShouldBeEmpty();
    }

    [Fact]
    public void A_seeded_story_is_joined_by_later_coverage_and_new_ids_do_not_collide()
    {
        var clusterer = new StoryClusterer();
        clusterer.Seed(Waterville("old-1", 0, "Herald"), 41);
        clusterer.Seed(Earthquake("old-2", 1), 7);

        var joined = clusterer.Add(Waterville("new-1", 3, "Sentinel"));
        var opened = clusterer.Add(Doc("new-2", "Orchestra names Lena Varga as music director", "The Halden Philharmonic appointed Lena Varga.", 4));

        joined.StoryId.ShouldBe(41);
        clusterer.Members(41).ShouldBe(["old-1", "new-1"]);
        opened.StoryId.ShouldBe(42);
    }

    [Fact]
    public void Documents_without_dates_cluster_on_text_alone()
    {
        var clusterer = new StoryClusterer();
        var a = clusterer.Add(Earthquake("a", 0) with { Published = null });
        var b = clusterer.Add(Earthquake("b", 0) with { Published = null, Title = null });

        b.StoryId.ShouldBe(a.StoryId);
        b.Why.ShouldContain(line => line == "time gap unknown: no publication time on one side");
    }

    [Theory]
    [InlineData("", null, "")]
    [InlineData("x", null, "   ")]
    [InlineData("y", "", "!!! ??? ...")]
    [InlineData("z", "Only a title", "")]
    public void Odd_documents_never_throw(string id, string? title, string text)
    {
        var clusterer = new StoryClusterer();

        var first = clusterer.Add(new StoryDocument(id, title, text, null, null, null));
        var second = clusterer.Add(new StoryDocument(id, title, text, DateTime.MaxValue, null, null));
        var third = clusterer.Add(null!);

        first.Why.ShouldNotBeEmpty();
        second.StoryId.ShouldBeGreaterThan(0);
        third.Opened.ShouldBeTrue();
    }
}

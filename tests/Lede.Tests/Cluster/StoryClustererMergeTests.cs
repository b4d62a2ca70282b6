using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryClustererMergeTests
{
    private static readonly DateTime Day = new(2014, 3, 10, 18, 0, 0, DateTimeKind.Utc);

    // One event's headlines (UCI News Aggregator, public domain), the second worded apart from the first.
    private static readonly string[] Headlines =
    [
        "MTA Worker Killed by Hudson Line Train",
        "Death of Metro-North worker on tracks renews safety concerns",
        "Metro-North worker killed by train",
        "Metro-North Worker From Yonkers Killed After Being Struck By Train",
    ];

    private static (HashSet<long> Stories, List<StoryAssignment> Assignments) Run(StoryClusterOptions options)
    {
        var clusterer = new StoryClusterer(options);
        var map = new StoryIdMap();
        var assignments = new List<StoryAssignment>();
        for (var i = 0; i < Headlines.Length; i++)
        {
            var assignment = clusterer.Add(new StoryDocument($"h{i}", Headlines[i], "", Day.AddSeconds(i), null, null));
            map.Record(assignment);
            assignments.Add(assignment);
        }

        return ([.. assignments.Select(a => map.Resolve(a.StoryId))], assignments);
    }

    [Fact]
    public void Headline_only_stories_of_one_event_merge_at_the_lowered_bar()
    {
        var (stories, assignments) = Run(new StoryClusterOptions { RepeatBridgeFactor = 1, BridgeEvidence = 0 });

        stories.Count.ShouldBe(1, string.Join("\n", assignments.SelectMany(a => a.Why)));
        assignments.SelectMany(a => a.Merged).ShouldNotBeEmpty();
        assignments.SelectMany(a => a.Why).ShouldContain(line => line.Contains("≥ 0.084", StringComparison.Ordinal));
    }

    [Fact]
    public void At_the_full_text_bar_the_same_headline_stories_stay_apart()
    {
        var (stories, assignments) = Run(new StoryClusterOptions { MergeShortFactor = 1 });

        stories.Count.ShouldBe(2, string.Join("\n", assignments.SelectMany(a => a.Why)));
        assignments.SelectMany(a => a.Merged).ShouldBeEmpty();
    }

    [Fact]
    public void A_second_bridging_headline_lowers_the_bar_again()
    {
        var (stories, assignments) = Run(new StoryClusterOptions { BridgeEvidence = 0, HeadlineCompoundParts = false });
        var why = assignments.SelectMany(a => a.Why).ToList();

        stories.Count.ShouldBe(1, string.Join("\n", why));
        why.ShouldContain(line => line.StartsWith("not merged with story", StringComparison.Ordinal) && line.Contains("(bridges 1)", StringComparison.Ordinal));
        why.ShouldContain(line => line.StartsWith("merged story", StringComparison.Ordinal) && line.Contains("≥ 0.067", StringComparison.Ordinal));
    }
}

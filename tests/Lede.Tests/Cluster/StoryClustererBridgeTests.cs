using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryClustererBridgeTests
{
    private static readonly DateTime Day = new(2014, 3, 11, 22, 0, 0, DateTimeKind.Utc);

    // One event's headlines in the order they came (UCI News Aggregator, public domain): the first names the two companies as
    // one compound, so, with compounds kept whole, it opens a story that the later headlines, which name them apart, keep
    // fitting but share few words with.
    private static readonly string[] Headlines =
    [
        "2 key senators agree on Fannie-Freddie overhaul",
        "Fannie, Freddie shares sink on overhaul plans",
        "2 key senators reach agreement on Fannie-Freddie overhaul; White House  ...",
        "Senate Banking Leaders Outline Plan to Dump Fannie, Freddie",
        "Fannie and Freddie Phase Out 'Shocking,' Real Estate Experts Say",
        "Fannie Mae, Freddie Mac Shares Fall on Senate Wind-Down Plan",
        "Ackman Suffers $300 Million in Paper Losses as Fannie, Freddie Tumble",
        "Bill would eliminate Fannie, Freddie",
        "Senate banking leaders reach deal on Fannie, Freddie bill outline",
        "Fannie Mae, Freddie Mac stocks fall sharply",
        "Senate banking leaders sketch out Fannie, Freddie bill",
        "Senators reach agreement on winding down Fannie and Freddie",
        "Fannie Mae, Freddie Mac Would Be Eliminated in Senate Bill",
        "Fannie and Freddie: Senate reaches deal",
        "Senate Banking Leaders Reach Deal On Fannie, Freddie Future",
        "Bill would eliminate Fannie Mae, Freddie Mac",
        "Key senators agree on plan to replace Fannie Mae, Freddie Mac",
        "Fannie-Freddie Bill Clears Hurdle",
        "Senator reach agreement on winding down Fannie and Freddie",
        "Senators Release Details of New Bill Eliminating Fannie Mae",
    ];

    private static (HashSet<long> Stories, List<string> Why) Run(StoryClusterOptions options)
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

        return ([.. assignments.Select(a => map.Resolve(a.StoryId))], [.. assignments.SelectMany(a => a.Why)]);
    }

    [Fact]
    public void A_small_headline_story_bridged_again_and_again_merges_into_the_big_one()
    {
        var (stories, why) = Run(new StoryClusterOptions { HeadlineCompoundParts = false });

        stories.Count.ShouldBe(1, string.Join("\n", why));
    }

    [Fact]
    public void Without_the_bridge_count_the_same_headline_stories_stay_apart()
    {
        var (stories, why) = Run(new StoryClusterOptions { BridgeEvidence = 0, HeadlineCompoundParts = false });

        stories.Count.ShouldBe(2, string.Join("\n", why));
        why.ShouldContain(line => line.StartsWith("not merged with story", StringComparison.Ordinal) && line.Contains("(bridges 3)", StringComparison.Ordinal));
    }
}

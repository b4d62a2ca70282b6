using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryClustererHeadlineTests
{
    private static readonly DateTime Day = new(2014, 3, 11, 9, 0, 0, DateTimeKind.Utc);

    // One story's headlines, most of them worded apart: the story's sum is diffuse, as a big headline story's is.
    private static readonly string[] Story =
    [
        "Titanfall servers crash on launch day",
        "Titanfall launch servers struggle with demand",
        "Respawn thanks players after busy weekend",
        "Microsoft bundles Xbox One with a free game",
        "Reviewers praise the mech shooter campaign",
    ];

    // A join threshold no headline reaches against the sum, so only closeness to members one by one can join.
    private static StoryClusterer Seeded(int closeHeadlines)
    {
        var clusterer = new StoryClusterer(new StoryClusterOptions { JoinThreshold = 0.9, CloseHeadlines = closeHeadlines });
        for (var i = 0; i < Story.Length; i++)
        {
            clusterer.Seed(new StoryDocument($"s{i}", Story[i], "", Day.AddMinutes(i), null, null), 7);
        }

        return clusterer;
    }

    [Fact]
    public void A_headline_close_to_two_of_the_story_headlines_joins_though_the_sum_is_far()
    {
        var assignment = Seeded(2).Add(new StoryDocument("n", "Titanfall launch servers back online", "", Day.AddHours(1), null, null));

        assignment.Opened.ShouldBeFalse(string.Join("\n", assignment.Why));
        assignment.StoryId.ShouldBe(7);
        assignment.Why.ShouldContain(line => line.StartsWith("close to 2 of the story's headlines", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_member_check_the_same_headline_opens_a_story()
        => Seeded(0).Add(new StoryDocument("n", "Titanfall launch servers back online", "", Day.AddHours(1), null, null)).Opened.ShouldBeTrue();

    [Fact]
    public void A_headline_that_shares_only_the_story_name_with_its_members_opens_a_story()
    {
        var assignment = Seeded(2).Add(new StoryDocument("n", "Titanfall soundtrack released", "", Day.AddHours(1), null, null));

        assignment.Opened.ShouldBeTrue(string.Join("\n", assignment.Why));
    }
}

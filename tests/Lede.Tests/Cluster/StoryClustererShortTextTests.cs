using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryClustererShortTextTests
{
    private static readonly DateTime Day = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    private static StoryDocument Headline(string id, string title, double hours)
        => new(id, title, "", Day.AddHours(hours), null, null);

    private static string ThresholdLine(StoryAssignment assignment)
        => assignment.Why.Single(line => line.StartsWith("best story", StringComparison.Ordinal));

    [Fact]
    public void A_headline_is_judged_against_a_lower_threshold_than_a_full_article()
    {
        var clusterer = new StoryClusterer();
        clusterer.Add(Headline("a", "Clearview fined by Dutch privacy regulator over facial recognition database", 0));

        var second = clusterer.Add(Headline("b", "Dutch regulator fines Clearview AI 30 million euros", 2));

        ThresholdLine(second).ShouldEndWith("join threshold 0.112");
        second.Opened.ShouldBeFalse(string.Join("\n", second.Why));
    }

    [Fact]
    public void Without_the_short_text_factor_the_same_headline_needs_the_full_threshold()
    {
        var clusterer = new StoryClusterer(new StoryClusterOptions { ShortTextFactor = 1 });
        clusterer.Add(Headline("a", "Clearview fined by Dutch privacy regulator over facial recognition database", 0));

        var second = clusterer.Add(Headline("b", "Dutch regulator fines Clearview AI 30 million euros", 2));

        ThresholdLine(second).ShouldEndWith("join threshold 0.160");
    }

    [Fact]
    public void A_long_article_keeps_the_full_threshold()
    {
        var clusterer = new StoryClusterer();
        var words = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"term{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}"));
        clusterer.Add(new StoryDocument("a", "Clearview fined in the Netherlands", words, Day, null, null));

        var second = clusterer.Add(new StoryDocument("b", "Clearview fined again", words, Day.AddHours(1), null, null));

        ThresholdLine(second).ShouldEndWith("join threshold 0.160");
    }
}

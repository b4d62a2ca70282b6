using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryClustererCompoundTests
{
    private static readonly DateTime Day = new(2014, 3, 11, 22, 0, 0, DateTimeKind.Utc);

    private static string SharedTerms(StoryClusterOptions options, string text)
    {
        var clusterer = new StoryClusterer(options);
        clusterer.Add(new StoryDocument("a", "Bill would eliminate Fannie, Freddie", "", Day, null, null));
        var second = clusterer.Add(new StoryDocument("b", "Fannie-Freddie Bill Clears Hurdle", text, Day.AddMinutes(5), null, null));
        return second.Why.Single(line => line.StartsWith("shared terms:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_headline_compound_meets_the_same_names_written_apart()
    {
        var shared = SharedTerms(new StoryClusterOptions(), "");

        shared.ShouldContain("fannie");
        shared.ShouldContain("freddie");
    }

    [Fact]
    public void Without_compound_parts_the_headline_shares_only_the_other_words()
    {
        var shared = SharedTerms(new StoryClusterOptions { HeadlineCompoundParts = false }, "");

        shared.ShouldNotContain("fannie");
    }

    [Fact]
    public void A_document_with_text_keeps_its_title_compound_whole()
    {
        var shared = SharedTerms(new StoryClusterOptions(), "Senators on the banking committee voted for the bill on Tuesday.");

        shared.ShouldNotContain("fannie");
    }
}

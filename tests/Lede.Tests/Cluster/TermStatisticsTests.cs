using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class TermStatisticsTests
{
    [Fact]
    public void Prune_forgets_unmarked_keys_and_their_frequencies_and_reuses_their_ids()
    {
        var terms = new TermStatistics(50);
        var kept = terms.Id("kept");
        var dropped = terms.Id("dropped");
        terms.CountStory();
        terms.CountKey(kept);
        terms.CountKey(dropped);
        var keptIdf = terms.Idf(kept);

        var keep = new bool[terms.IdLimit];
        keep[kept] = true;
        terms.Prune(keep).ShouldBe(1);

        terms.Count.ShouldBe(1);
        terms.IsLive(dropped).ShouldBeFalse();
        terms.Idf(kept).ShouldBe(keptIdf);
        terms.Name(kept).ShouldBe("kept");
        var again = terms.Id("dropped");
        again.ShouldBe(dropped);
        terms.Idf(again).ShouldBeGreaterThan(keptIdf);
        terms.Id("kept").ShouldBe(kept);
    }
}

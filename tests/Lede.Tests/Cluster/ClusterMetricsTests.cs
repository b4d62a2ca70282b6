using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class ClusterMetricsTests
{
    private static Dictionary<string, string> Map(params (string Id, string Cluster)[] pairs)
        => pairs.ToDictionary(p => p.Id, p => p.Cluster, StringComparer.Ordinal);

    [Fact]
    public void A_perfect_clustering_scores_one_everywhere()
    {
        var gold = Map(("a", "x"), ("b", "x"), ("c", "y"));

        var m = ClusterMetrics.Compute(Map(("a", "1"), ("b", "1"), ("c", "2")), gold);

        m.BCubedF1.ShouldBe(1);
        m.PairF1.ShouldBe(1);
        (m.PredictedClusters, m.GoldClusters).ShouldBe((2, 2));
    }

    [Fact]
    public void Merging_two_gold_clusters_matches_the_hand_computed_figures()
    {
        // Gold {a,b} {c}; predicted {a,b,c}.
        // B-cubed P: a 2/3, b 2/3, c 1/3 → 5/9; R: 1, 1, 1 → 1. Pairwise: 1 true pair of 3 predicted, of 1 gold.
        var m = ClusterMetrics.Compute(Map(("a", "1"), ("b", "1"), ("c", "1")), Map(("a", "x"), ("b", "x"), ("c", "y")));

        m.BCubedPrecision.ShouldBe(5.0 / 9, 1e-12);
        m.BCubedRecall.ShouldBe(1, 1e-12);
        m.BCubedF1.ShouldBe(2 * (5.0 / 9) / (5.0 / 9 + 1), 1e-12);
        m.PairPrecision.ShouldBe(1.0 / 3, 1e-12);
        m.PairRecall.ShouldBe(1, 1e-12);
        m.PairF1.ShouldBe(0.5, 1e-12);
        m.PredictedClusters.ShouldBe(1);
    }

    [Fact]
    public void Splitting_a_gold_cluster_matches_the_hand_computed_figures()
    {
        // Gold {a,b,c,d}; predicted {a,b} {c} {d}. B-cubed R: a 2/4, b 2/4, c 1/4, d 1/4 → 3/8; pairwise R: 1 of 6 pairs.
        var m = ClusterMetrics.Compute(Map(("a", "1"), ("b", "1"), ("c", "2"), ("d", "3")), Map(("a", "x"), ("b", "x"), ("c", "x"), ("d", "x")));

        m.BCubedPrecision.ShouldBe(1, 1e-12);
        m.BCubedRecall.ShouldBe(3.0 / 8, 1e-12);
        m.PairPrecision.ShouldBe(1, 1e-12);
        m.PairRecall.ShouldBe(1.0 / 6, 1e-12);
    }

    [Fact]
    public void A_missing_prediction_is_a_singleton_and_extra_predictions_are_left_out()
    {
        var m = ClusterMetrics.Compute(Map(("a", "1"), ("z", "1")), Map(("a", "x"), ("b", "x")));

        (m.Documents, m.Missing, m.Unscored).ShouldBe((2, 1, 1));
        m.BCubedRecall.ShouldBe(0.5, 1e-12);
        m.PairRecall.ShouldBe(0, 1e-12);
    }

    [Fact]
    public void Empty_maps_give_zeros_not_exceptions()
    {
        var m = ClusterMetrics.Compute(Map(), Map());

        m.Documents.ShouldBe(0);
        m.BCubedF1.ShouldBe(0);
    }
}

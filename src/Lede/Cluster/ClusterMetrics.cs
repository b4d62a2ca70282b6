namespace Lede.Cluster;

/// <summary>B-cubed (Bagga and Baldwin 1998) and pairwise (Miranda et al. 2018) scores of a clustering against gold clusters.</summary>
public static class ClusterMetrics
{
    /// <summary>Scores every gold document; a gold document without a prediction counts as a singleton.</summary>
    /// <param name="predicted">Document id → predicted cluster.</param>
    /// <param name="gold">Document id → gold cluster.</param>
    public static ClusterScores Compute(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);
        var missing = 0;
        // Contingency of (predicted, gold) cells; a missing prediction gets a cluster no one else has.
        var cells = new Dictionary<(string Predicted, string Gold), long>();
        var predictedSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var goldSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (id, goldCluster) in gold)
        {
            string predictedCluster;
            if (predicted.TryGetValue(id, out var p))
            {
                predictedCluster = "p\u0001" + p;
            }
            else
            {
                missing++;
                predictedCluster = "m\u0001" + id;
            }

            cells[(predictedCluster, goldCluster)] = cells.GetValueOrDefault((predictedCluster, goldCluster)) + 1;
            predictedSizes[predictedCluster] = predictedSizes.GetValueOrDefault(predictedCluster) + 1;
            goldSizes[goldCluster] = goldSizes.GetValueOrDefault(goldCluster) + 1;
        }

        var n = gold.Count;
        double bp = 0, br = 0, truePairs = 0;
        foreach (var ((p, g), count) in cells)
        {
            // Each of the `count` documents in this cell sees `count` of its predicted and gold cluster-mates here.
            bp += (double)count * count / predictedSizes[p];
            br += (double)count * count / goldSizes[g];
            truePairs += Pairs(count);
        }

        var predictedPairs = predictedSizes.Values.Sum(Pairs);
        var goldPairs = goldSizes.Values.Sum(Pairs);
        var bPrecision = n == 0 ? 0 : bp / n;
        var bRecall = n == 0 ? 0 : br / n;
        // No predicted pairs is no wrong pair (precision 1); no gold pairs is nothing to find (recall 1).
        var pPrecision = predictedPairs == 0 ? 1 : truePairs / predictedPairs;
        var pRecall = goldPairs == 0 ? 1 : truePairs / goldPairs;
        return new ClusterScores(
            n,
            missing,
            predicted.Keys.Count(k => !gold.ContainsKey(k)),
            predictedSizes.Count,
            goldSizes.Count,
            bPrecision,
            bRecall,
            F1(bPrecision, bRecall),
            pPrecision,
            pRecall,
            F1(pPrecision, pRecall));
    }

    private static double Pairs(long size) => size * (size - 1) / 2.0;

    private static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}

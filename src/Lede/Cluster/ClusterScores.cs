namespace Lede.Cluster;

/// <summary>How a predicted clustering compares with a gold one: B-cubed and pairwise precision, recall and F1, and cluster counts.</summary>
/// <param name="Documents">Gold documents scored.</param>
/// <param name="Missing">Gold documents without a prediction, each scored as a cluster of its own.</param>
/// <param name="Unscored">Predicted documents not in the gold file, left out.</param>
/// <param name="PredictedClusters">Distinct predicted clusters over the gold documents.</param>
/// <param name="GoldClusters">Distinct gold clusters.</param>
/// <param name="BCubedPrecision">Mean over documents of the share of its predicted cluster in its gold cluster.</param>
/// <param name="BCubedRecall">Mean over documents of the share of its gold cluster in its predicted cluster.</param>
/// <param name="BCubedF1">Harmonic mean of the B-cubed precision and recall.</param>
/// <param name="PairPrecision">Share of predicted same-cluster pairs that are gold pairs (1 when none are predicted).</param>
/// <param name="PairRecall">Share of gold same-cluster pairs that are predicted (1 when there are none).</param>
/// <param name="PairF1">Harmonic mean of the pairwise precision and recall.</param>
public sealed record ClusterScores(
    int Documents,
    int Missing,
    int Unscored,
    int PredictedClusters,
    int GoldClusters,
    double BCubedPrecision,
    double BCubedRecall,
    double BCubedF1,
    double PairPrecision,
    double PairRecall,
    double PairF1);

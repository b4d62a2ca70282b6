namespace Lede.Cluster;

/// <summary>How one document compares with one candidate story: per-field cosines, the time factor and the combined score.</summary>
internal readonly record struct CandidateScore(StoryState Story, double[] Cosines, double Text, double TimeFactor, double? GapDays)
{
    public double Score => Text * TimeFactor;
}

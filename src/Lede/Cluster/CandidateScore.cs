namespace Lede.Cluster;

/// <summary>How one document compares with one candidate story: per-field cosines, the time factor, the detail factor and the combined score.</summary>
/// <remarks>The detail factor is below 1 when the document's key names and the story's differ, above 1 when they agree (see <see cref="DetailMatch"/>).</remarks>
internal readonly record struct CandidateScore(StoryState Story, double[] Cosines, double Text, double TimeFactor, double? GapDays, DetailMatch Match, double Detail)
{
    public double Score => Text * TimeFactor * Detail;
}

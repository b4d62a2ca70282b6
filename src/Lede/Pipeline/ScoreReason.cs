namespace Lede.Pipeline;

/// <summary>A score and the parts that make it up, one line each.</summary>
public sealed record ScoreReason(int Value, IReadOnlyList<string> Parts);

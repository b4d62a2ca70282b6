namespace Lede.Score;

/// <summary>An article's quality, 0–100, with the points behind it.</summary>
/// <param name="Value">The score, 0–100.</param>
/// <param name="Points">One line per rule that fired; their points sum to <paramref name="Value"/> (a <c>clamp</c> line takes up any excess).</param>
public sealed record QualityScore(int Value, IReadOnlyList<QualityPoint> Points)
{
    /// <summary>Labels that readers should see whatever the score: <c>opinion</c>, <c>analysis</c>, <c>sponsored</c>, <c>wire copy</c>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

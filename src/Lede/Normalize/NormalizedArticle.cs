using Lede.Records;

namespace Lede.Normalize;

/// <summary>An article ready to store: its record and the private facts that go into its secured payload.</summary>
/// <param name="Record">The public record.</param>
/// <param name="FullText">The main text (empty when the page gave none).</param>
/// <param name="Authors">The authors' names.</param>
/// <param name="RawDescription">The description as the source wrote it, before the excerpt was chosen.</param>
/// <param name="Warnings">What was doubtful or repaired, one line each.</param>
public sealed record NormalizedArticle(
    ArticleRecord Record, string FullText, IReadOnlyList<string> Authors, string? RawDescription, IReadOnlyList<string> Warnings);

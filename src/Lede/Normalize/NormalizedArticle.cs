using Lede.Records;

namespace Lede.Normalize;

/// <summary>An article ready to store: its record and the private facts that go into its secured payload.</summary>
/// <param name="Record">The public record.</param>
/// <param name="FullText">The main text (empty when the page gave none).</param>
/// <param name="Authors">The authors' names.</param>
/// <param name="RawDescription">The description as the source wrote it, before the excerpt was chosen.</param>
/// <param name="Warnings">What was doubtful or repaired, one line each.</param>
public sealed record NormalizedArticle(
    ArticleRecord Record, string FullText, IReadOnlyList<string> Authors, string? RawDescription, IReadOnlyList<string> Warnings)
{
    /// <summary>The source's description was refused (the site's boilerplate, or no description) and the lead used instead.</summary>
    public bool ExcerptReplaced { get; init; }

    /// <summary>The providers file's tier for the provider (1 best … 5), when it gives one.</summary>
    public int? ProviderTier { get; init; }

    /// <summary>The page gave a publication time.</summary>
    public bool PageHasDate { get; init; }
}

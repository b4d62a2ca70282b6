namespace Lede.Enrich;

/// <summary>What an article page says about itself in its markup, before main-text extraction and normalization.</summary>
/// <remarks>Every field is null or empty when the page does not say; <see cref="Warnings"/> explains what was repaired or ignored.</remarks>
public sealed record PageFacts
{
    /// <summary>The URL the page was fetched from (after redirects); relative URLs resolve against it.</summary>
    public required Uri PageUrl { get; init; }

    /// <summary><c>link rel=canonical</c>, else <c>og:url</c>; absolute http(s) only.</summary>
    public Uri? CanonicalUrl { get; init; }

    /// <summary><c>link rel=amphtml</c>.</summary>
    public Uri? AmpUrl { get; init; }

    /// <summary>The headline, with site-name prefixes/suffixes (" | Site") removed.</summary>
    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>When the article was first published, in UTC.</summary>
    public DateTime? PublishedUtc { get; init; }

    /// <summary>When it was last modified, in UTC.</summary>
    public DateTime? ModifiedUtc { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The publication's own name (og:site_name, JSON-LD publisher).</summary>
    public string? SiteName { get; init; }

    /// <summary>A BCP 47 tag such as <c>en</c> or <c>en-GB</c>.</summary>
    public string? Language { get; init; }

    /// <summary><c>article</c> or <c>video</c>.</summary>
    public string Type { get; init; } = PageTypes.Article;

    /// <summary>Candidate images, best first, one per URL; logos, icons, pixels and placeholders are left out.</summary>
    public IReadOnlyList<PageImage> Images { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];
}

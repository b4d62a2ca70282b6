namespace Lede.Enrich;

/// <summary>What a page's JSON-LD says about its main entity (the article, or the video when the page is one).</summary>
internal sealed record JsonLdFacts
{
    public static JsonLdFacts Empty { get; } = new();

    public string? Headline { get; init; }
    public string? Description { get; init; }
    public string? Published { get; init; }
    public string? Modified { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? PublisherName { get; init; }
    public string? PublisherLogo { get; init; }
    public string? WebSiteName { get; init; }
    public string? Language { get; init; }
    public IReadOnlyList<(string Url, int? Width, int? Height)> Images { get; init; } = [];

    /// <summary>The main entity is a VideoObject (no article entity beside it).</summary>
    public bool IsVideo { get; init; }

    /// <summary>An article-like entity was found.</summary>
    public bool HasArticle { get; init; }
}

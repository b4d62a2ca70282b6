namespace Lede.Parse;

/// <summary>One entry of a feed. Titles are plain text; description and content keep their sanitized HTML; dates are UTC.</summary>
public sealed record FeedItem
{
    /// <summary>guid/id, else the link, else a hash of title and date: stable across fetches of the same item.</summary>
    public required string Id { get; init; }
    /// <summary>The identifier the feed itself gave (RSS guid, atom:id, rdf:about); null when <see cref="Id"/> was derived.</summary>
    public string? Guid { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Content { get; init; }
    /// <summary>The item's absolute URL (resolved against xml:base or the feed URL).</summary>
    public string? Link { get; init; }
    public DateTime? Published { get; init; }
    public DateTime? Updated { get; init; }
    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
    public FeedImage? Image { get; init; }
    /// <summary>What only the news-JSON model carries (AMP URLs, provider, sized images, heat); null for other formats.</summary>
    public NewsFacts? News { get; init; }
}

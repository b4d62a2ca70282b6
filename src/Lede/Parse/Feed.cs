namespace Lede.Parse;

/// <summary>A parsed feed: its own facts and its items, whatever format it came in.</summary>
public sealed record Feed
{
    /// <summary><c>rss</c>, <c>atom</c>, <c>rdf</c>, <c>json</c> (JSON Feed) or <c>newsjson</c>.</summary>
    public required string Format { get; init; }
    /// <summary>The format's version as declared or detected (<c>2.0</c>, <c>0.91</c>, <c>1.0</c>, <c>0.3</c>, <c>1.1</c>); null when unknown.</summary>
    public string? Version { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>The site the feed belongs to.</summary>
    public string? Link { get; init; }
    /// <summary>The feed's own URL (atom:link rel=self, JSON Feed feed_url).</summary>
    public string? FeedLink { get; init; }
    public string? Language { get; init; }
    public string? Copyright { get; init; }
    public string? Generator { get; init; }
    public FeedImage? Image { get; init; }
    public DateTime? Updated { get; init; }
    public DateTime? Published { get; init; }
    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<FeedItem> Items { get; init; } = [];
}

namespace Lede.Parse;

/// <summary>A media file attached to an item (enclosure, media:content, JSON Feed attachment).</summary>
public sealed record FeedEnclosure(string Url, string? Type, long? Length);

namespace Lede.Parse;

/// <summary>An image a feed or item names, with its size when the feed gives it.</summary>
public sealed record FeedImage(string Url, string? Title = null, int? Width = null, int? Height = null);

namespace Lede.Parse;

/// <summary>The bytes of a feed and what the transport said about them.</summary>
/// <param name="Bytes">The body, after content decoding (gzip etc.).</param>
/// <param name="ContentType">The HTTP Content-Type header, whose charset outranks the document's own declaration; null for files.</param>
/// <param name="Url">Where the feed came from, the base for relative URLs; null when unknown.</param>
public sealed record FeedInput(ReadOnlyMemory<byte> Bytes, string? ContentType = null, Uri? Url = null);

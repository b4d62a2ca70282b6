namespace Lede.Enrich;

/// <summary>The outcome of caching one image: its size from the bytes' header, and whether a copy is really held.</summary>
/// <param name="Url">The image URL asked for.</param>
/// <param name="IsCached">True only when the file exists in the cache after the call.</param>
/// <param name="Format">The format sniffed from the bytes (the server's Content-Type is not trusted).</param>
/// <param name="Width">Pixel width from the header; null when the bytes were not read or not an image.</param>
/// <param name="Height">Pixel height from the header.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes, the file's name in the cache.</param>
/// <param name="Path">Where the file is, when cached.</param>
/// <param name="Warnings">Why the image was not cached, in one line each.</param>
public sealed record CachedImage(
    Uri Url,
    bool IsCached,
    ImageFormat Format,
    int? Width,
    int? Height,
    string? Sha256,
    string? Path,
    IReadOnlyList<string> Warnings);

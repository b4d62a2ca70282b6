namespace Lede.Records;

/// <summary>An image of an article: where it is, its size when known, and whether Lede holds a copy.</summary>
/// <param name="Url">The image URL, as received.</param>
/// <param name="Width">Width in pixels, or null when not known.</param>
/// <param name="Height">Height in pixels, or null when not known.</param>
/// <param name="IsCached">True only when a copy is held in Lede's image cache.</param>
public sealed record RecordImage(string Url, int? Width, int? Height, bool IsCached);

namespace Lede.Enrich;

/// <summary>An image a page names as its own, with the size its markup declares (null when it declares none).</summary>
/// <param name="Url">Absolute http(s) URL.</param>
/// <param name="Width">Declared width in pixels, or null; fill it from <see cref="ImageHeader"/> once the bytes are fetched.</param>
/// <param name="Height">Declared height in pixels, or null.</param>
/// <param name="Source">Where it was found: <c>og:image</c>, <c>json-ld</c>, <c>twitter:image</c> or <c>body</c>.</param>
/// <param name="Doubtful">True when the URL looks like a logo or icon but the publisher declared it as the page's share image at a usable size; such images come after every other candidate.</param>
public sealed record PageImage(Uri Url, int? Width, int? Height, string Source, bool Doubtful = false);

namespace Lede.Enrich;

/// <summary>An image type recognised from its first bytes (never from a URL or a Content-Type header).</summary>
public enum ImageFormat
{
    /// <summary>Not an image format Lede knows.</summary>
    Unknown,
    Jpeg,
    Png,
    Gif,
    WebP,
    Avif,
    /// <summary>SVG: XML that can carry scripts; recognised so it can be refused.</summary>
    Svg,
    /// <summary>A Windows icon: never an article image.</summary>
    Ico,
    /// <summary>A Windows bitmap: uncompressed and not a web image.</summary>
    Bmp,
}

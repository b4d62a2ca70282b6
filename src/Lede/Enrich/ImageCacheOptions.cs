namespace Lede.Enrich;

/// <summary>Where the <see cref="ImageCache"/> keeps images and what it refuses.</summary>
public sealed record ImageCacheOptions
{
    /// <summary>The data folder; images go to <c>&lt;Root&gt;/images/&lt;first 2 hex&gt;/&lt;sha256&gt;.&lt;ext&gt;</c>.</summary>
    /// <value>Default: <c>data</c>.</value>
    public string Root { get; init; } = "data";

    /// <summary>The most pixels (width × height) an image may have: a small file can still declare a decompression bomb.</summary>
    /// <value>Default: 50 megapixels.</value>
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>Throws <see cref="InvalidOperationException"/> when a value makes no sense.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Root)) throw new InvalidOperationException("Image cache option Root must not be empty.");
        if (MaxPixels < 1) throw new InvalidOperationException("Image cache option MaxPixels must be positive.");
    }
}

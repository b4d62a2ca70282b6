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

    /// <summary>The most bytes all cached images may take together; past it the oldest are deleted until the cache is at 90 % of it.</summary>
    /// <value>Default: 1 GiB.</value>
    public long MaxTotalBytes { get; init; } = 1L << 30;

    /// <summary>How long an image is kept after it was last stored or reused; a sweep deletes older ones.</summary>
    /// <value>Default: 30 days.</value>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How often the cache looks for expired images while it stores new ones (going over the quota sweeps at once).</summary>
    /// <value>Default: 1 hour.</value>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Throws <see cref="InvalidOperationException"/> when a value makes no sense.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Root)) throw new InvalidOperationException("Image cache option Root must not be empty.");
        if (MaxPixels < 1) throw new InvalidOperationException("Image cache option MaxPixels must be positive.");
        if (MaxTotalBytes < 1) throw new InvalidOperationException("Image cache option MaxTotalBytes must be positive.");
        if (MaxAge <= TimeSpan.Zero) throw new InvalidOperationException("Image cache option MaxAge must be positive.");
        if (SweepInterval < TimeSpan.Zero) throw new InvalidOperationException("Image cache option SweepInterval must not be negative.");
    }
}

namespace Lede.Fetch;

/// <summary>What is being fetched; each kind has its own size limit.</summary>
public enum FetchKind
{
    /// <summary>A feed: at most 15 MiB after decompression.</summary>
    Feed,
    /// <summary>An article page: at most 5 MiB.</summary>
    Page,
    /// <summary>An image: at most 10 MiB.</summary>
    Image,
    /// <summary>A site's robots.txt: read up to 512 KiB, the rest ignored.</summary>
    Robots,
}

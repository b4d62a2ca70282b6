namespace Lede.Parse;

/// <summary>The most one parsed feed may hold, per field and per fetch; past a limit the reader cuts or drops, with a <c>limit</c> warning.</summary>
/// <remarks>
/// The fetcher's body limit bounds a feed as a whole; these bound what one field can carry further down the pipeline
/// (the store, the search index, a page). Text is cut at a character boundary, never inside a surrogate pair, an HTML tag or an entity.
/// </remarks>
public sealed record FeedLimits
{
    /// <summary>The limits <see cref="FeedParser.Parse(FeedInput)"/> applies.</summary>
    public static FeedLimits Default { get; } = new();

    /// <summary>The longest feed or item title kept; a longer one is cut and ends with "…".</summary>
    /// <value>Default: 1,024 characters.</value>
    public int MaxTitleChars { get; init; } = 1024;

    /// <summary>The longest description (summary) or content HTML kept, each; a longer one is cut between tags.</summary>
    /// <value>Default: 1,048,576 characters (1 Mi).</value>
    public int MaxHtmlChars { get; init; } = 1 << 20;

    /// <summary>The longest author name or email, or category, kept; a longer one is cut and ends with "…".</summary>
    /// <value>Default: 256 characters.</value>
    public int MaxNameChars { get; init; } = 256;

    /// <summary>The most categories and the most authors kept per item (the first ones, in document order).</summary>
    /// <value>Default: 100.</value>
    public int MaxListEntries { get; init; } = 100;

    /// <summary>The longest item identifier kept as written; a longer one is replaced by its SHA-256, which stays stable across fetches.</summary>
    /// <value>Default: 512 characters.</value>
    public int MaxIdChars { get; init; } = 512;

    /// <summary>The longest link, image or enclosure URL kept; a longer one is dropped (a cut URL would point elsewhere).</summary>
    /// <value>Default: 2,048 characters, the limit <c>sources add</c> and the fetcher apply.</value>
    public int MaxUrlChars { get; init; } = 2048;

    /// <summary>The most items kept from one fetch: the newest by date (undated items count as older), in document order.</summary>
    /// <value>Default: 1,000 items.</value>
    public int MaxItems { get; init; } = 1000;

    /// <summary>Throws <see cref="InvalidOperationException"/> when a limit makes no sense.</summary>
    public void Validate()
    {
        if (MaxTitleChars < 16) throw new InvalidOperationException($"Feed limit MaxTitleChars must be at least 16, not {MaxTitleChars}.");
        if (MaxHtmlChars < 16) throw new InvalidOperationException($"Feed limit MaxHtmlChars must be at least 16, not {MaxHtmlChars}.");
        if (MaxNameChars < 16) throw new InvalidOperationException($"Feed limit MaxNameChars must be at least 16, not {MaxNameChars}.");
        if (MaxIdChars < 80) throw new InvalidOperationException($"Feed limit MaxIdChars must be at least 80, not {MaxIdChars}.");
        if (MaxUrlChars < 16) throw new InvalidOperationException($"Feed limit MaxUrlChars must be at least 16, not {MaxUrlChars}.");
        if (MaxListEntries < 1) throw new InvalidOperationException($"Feed limit MaxListEntries must be positive, not {MaxListEntries}.");
        if (MaxItems < 1) throw new InvalidOperationException($"Feed limit MaxItems must be positive, not {MaxItems}.");
    }
}

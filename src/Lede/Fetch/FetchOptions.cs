namespace Lede.Fetch;

/// <summary>Limits and politeness of the <see cref="Fetcher"/>.</summary>
public sealed record FetchOptions
{
    private const long MiB = 1024 * 1024;

    /// <summary>How long opening a TCP connection (DNS included) may take.</summary>
    /// <value>Default: 10 seconds.</value>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one fetch may take from its first request to the last byte of the body, redirects included.</summary>
    /// <remarks>Time spent queued for the host (<see cref="PerHostConcurrency"/>, <see cref="PerHostDelay"/>) before the first request is not counted.</remarks>
    /// <value>Default: 20 seconds.</value>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a pooled connection is reused; after it the host is resolved again and the new address checked by the guard.</summary>
    /// <value>Default: 5 minutes.</value>
    public TimeSpan ConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The <see cref="TotalTimeout"/> of an image fetch: an image is worth less than a feed or a page, so a slow image host is given up sooner.</summary>
    /// <value>Default: 10 seconds.</value>
    public TimeSpan ImageTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many redirects one fetch follows.</summary>
    /// <value>Default: 5.</value>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>The longest URL fetched, the first one and every redirect target: a longer one is refused as <see cref="FetchFailure.Blocked"/>.</summary>
    /// <value>Default: 2048 characters, the limit <c>sources add</c> applies.</value>
    public int MaxUrlLength { get; init; } = 2048;

    /// <summary>The largest feed body, counted after decompression.</summary>
    /// <value>Default: 15 MiB.</value>
    public long MaxFeedBytes { get; init; } = 15 * MiB;

    /// <summary>The largest page body, counted after decompression.</summary>
    /// <value>Default: 5 MiB.</value>
    public long MaxPageBytes { get; init; } = 5 * MiB;

    /// <summary>The largest image body, counted after decompression.</summary>
    /// <value>Default: 10 MiB.</value>
    public long MaxImageBytes { get; init; } = 10 * MiB;

    /// <summary>Reads each site's robots.txt before its article pages, leaves the pages it disallows, and spaces page requests by its Crawl-delay.</summary>
    /// <remarks>Feeds and images are fetched whatever robots.txt says: a feed is published to be polled.</remarks>
    /// <value>Default: true.</value>
    public bool ObeyRobots { get; init; } = true;

    /// <summary>The longest Crawl-delay honoured; a site asking for more gets this spacing.</summary>
    /// <value>Default: 30 seconds.</value>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many requests to one host may run at once.</summary>
    /// <value>Default: 2.</value>
    public int PerHostConcurrency { get; init; } = 2;

    /// <summary>The least time between the starts of two requests to one host.</summary>
    /// <value>Default: 1 second.</value>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Lets fetches reach loopback, private, link-local and other non-public addresses.</summary>
    /// <remarks>Off in production: a feed URL must never reach the machine's own network. Tests turn it on for loopback.</remarks>
    /// <value>Default: false.</value>
    public bool AllowPrivate { get; init; }

    /// <summary>The User-Agent header: names Lede and where to learn about it.</summary>
    /// <value>Default: Lede/0.1 (+https://github.com/lede-news/lede).</value>
    public string UserAgent { get; init; } = "Lede/0.1 (+https://github.com/lede-news/lede)";

    /// <summary>The deadline of one fetch of a kind, from its first request to the last body byte: <see cref="ImageTimeout"/> for images, else <see cref="TotalTimeout"/>.</summary>
    public TimeSpan Timeout(FetchKind kind) => kind == FetchKind.Image ? ImageTimeout : TotalTimeout;

    /// <summary>The body size limit for a kind of fetch.</summary>
    public long MaxBytes(FetchKind kind) => kind switch
    {
        FetchKind.Feed => MaxFeedBytes,
        FetchKind.Page => MaxPageBytes,
        FetchKind.Image => MaxImageBytes,
        FetchKind.Robots => RobotsRules.MaxLength,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fetch kind."),
    };

    /// <summary>Throws <see cref="InvalidOperationException"/> when a value makes no sense (zero or negative limits, an empty User-Agent).</summary>
    public void Validate()
    {
        Require(ConnectTimeout > TimeSpan.Zero, nameof(ConnectTimeout), "must be positive");
        Require(TotalTimeout > TimeSpan.Zero, nameof(TotalTimeout), "must be positive");
        Require(ImageTimeout > TimeSpan.Zero, nameof(ImageTimeout), "must be positive");
        Require(ConnectionLifetime > TimeSpan.Zero, nameof(ConnectionLifetime), "must be positive");
        Require(MaxRedirects >= 0, nameof(MaxRedirects), "must not be negative");
        Require(MaxUrlLength >= 32, nameof(MaxUrlLength), "must be at least 32");
        Require(MaxFeedBytes > 0 && MaxPageBytes > 0 && MaxImageBytes > 0, "Max*Bytes", "must be positive");
        Require(PerHostConcurrency >= 1, nameof(PerHostConcurrency), "must be at least 1");
        Require(PerHostDelay >= TimeSpan.Zero, nameof(PerHostDelay), "must not be negative");
        Require(MaxCrawlDelay >= TimeSpan.Zero, nameof(MaxCrawlDelay), "must not be negative");
        Require(!string.IsNullOrWhiteSpace(UserAgent), nameof(UserAgent), "must not be empty");
    }

    private static void Require(bool valid, string option, string rule)
    {
        if (!valid)
        {
            throw new InvalidOperationException($"Fetch option {option} {rule}.");
        }
    }
}

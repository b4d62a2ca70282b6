namespace Lede.Parse;

/// <summary>The fields of the news-JSON model beyond a plain feed item.</summary>
public sealed record NewsFacts
{
    public string? AmpWebUrl { get; init; }
    public string? CdnAmpWebUrl { get; init; }
    /// <summary><c>article</c> or <c>video</c>.</summary>
    public string? Type { get; init; }
    public int? Heat { get; init; }
    public string? ProviderName { get; init; }
    public string? ProviderDomain { get; init; }
    public string? Locale { get; init; }
    public IReadOnlyList<FeedImage> Images { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
}

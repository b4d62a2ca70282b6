using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>Fetchers for the tests: loopback allowed, no per-host delay, short timeouts.</summary>
public static class Loopback
{
    public static FetchOptions Options { get; } = new()
    {
        AllowPrivate = true,
        PerHostDelay = TimeSpan.Zero,
        PerHostConcurrency = 8,
        ConnectTimeout = TimeSpan.FromSeconds(1),
        TotalTimeout = TimeSpan.FromSeconds(2),
    };

    public static Fetcher Fetcher(FetchOptions? options = null) => new(options ?? Options);

    public static Task<FetchResponse> GetAsync(this Fetcher fetcher, Uri url, FetchKind kind = FetchKind.Feed)
        => fetcher.FetchAsync(new FetchRequest(url, kind), CancellationToken.None);

    public static Task<FetchException> FailAsync(this Fetcher fetcher, Uri url, FetchKind kind = FetchKind.Feed)
        => Should.ThrowAsync<FetchException>(() => fetcher.GetAsync(url, kind));
}

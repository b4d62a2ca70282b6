using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>Fetchers for the tests: loopback allowed, no per-host delay, a short total timeout.</summary>
public static class Loopback
{
    public static FetchOptions Options { get; } = new()
    {
        AllowPrivate = true,
        PerHostDelay = TimeSpan.Zero,
        PerHostConcurrency = 8,
        ConnectTimeout = TimeSpan.FromSeconds(5), // loopback connects are instant, but a loaded CI machine can take a second to accept
        TotalTimeout = TimeSpan.FromSeconds(2),
    };

    public static Fetcher Fetcher(FetchOptions? options = null) => new(options ?? Options);

    public static Task<FetchResponse> GetAsync(this Fetcher fetcher, Uri url, FetchKind kind = FetchKind.Feed)
        => fetcher.FetchAsync(new FetchRequest(url, kind), CancellationToken.None);

    public static Task<FetchException> FailAsync(this Fetcher fetcher, Uri url, FetchKind kind = FetchKind.Feed)
        => Should.ThrowAsync<FetchException>(() => fetcher.GetAsync(url, kind));
}

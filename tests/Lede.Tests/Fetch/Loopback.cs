using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>Fetchers for the tests: loopback allowed, no per-host delay.</summary>
/// <remarks>
/// The timeouts only bound a test that goes wrong: `make test` runs the test assemblies side by side on two cores, where a
/// loopback answer has taken over 2 s. Tests of the timeouts themselves set their own.
/// </remarks>
public static class Loopback
{
    public static FetchOptions Options { get; } = new()
    {
        AllowPrivate = true,
        PerHostDelay = TimeSpan.Zero,
        PerHostConcurrency = 8,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(10),
    };

    public static Fetcher Fetcher(FetchOptions? options = null) => new(options ?? Options);

    public static Task<FetchResponse> GetAsync(this Fetcher fetcher, Uri url, FetchKind kind = FetchKind.Feed)
        => fetcher.FetchAsync(new FetchRequest(url, kind), CancellationToken.None);

    public static Task<FetchException> FailAsync(this Fetcher fetcher, Uri url, FetchKind kind = FetchKind.Feed)
        => Should.ThrowAsync<FetchException>(() => fetcher.GetAsync(url, kind));
}

using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>Error statuses become one clear <see cref="FetchException"/>, with Retry-After when the server gave one.</summary>
public sealed class FetcherStatusTests(HostileServer server) : IClassFixture<HostileServer>, IDisposable
{
    private readonly Fetcher _fetcher = Loopback.Fetcher();

    public void Dispose() => _fetcher.Dispose();

    [Theory]
    [InlineData(404, false)]
    [InlineData(410, false)]
    [InlineData(403, false)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(429, true)]
    public async Task Error_statuses_fail_with_the_status(int code, bool transient)
    {
        var url = server.Url($"/status/{code}");

        var e = await _fetcher.FailAsync(url);

        e.Failure.ShouldBe(FetchFailure.HttpStatus);
        e.Status.ShouldBe(code);
        e.IsTransient.ShouldBe(transient);
        e.RetryAfter.ShouldBeNull();
        e.Message.ShouldBe($"Fetching {url} failed: HTTP {code}");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_after_in_seconds_is_reported(int code)
    {
        var e = await _fetcher.FailAsync(server.Url($"/status/{code}?retry=120"));

        e.RetryAfter.ShouldBe(TimeSpan.FromSeconds(120));
        e.IsTransient.ShouldBeTrue();
        e.Message.ShouldEndWith($"HTTP {code}, retry after 120 s");
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_reported_from_now()
    {
        var e = await _fetcher.FailAsync(server.Url("/status/429?retry=300&date=true"));

        // HTTP dates have whole seconds, so the wait may come out up to a second short.
        e.RetryAfter!.Value.TotalSeconds.ShouldBeInRange(295, 300.5);
    }

    [Fact]
    public async Task A_3xx_that_is_not_a_redirect_fails()
    {
        var e = await _fetcher.FailAsync(server.Url("/status/300"));

        e.Failure.ShouldBe(FetchFailure.HttpStatus);
        e.Status.ShouldBe(300);
    }

    [Fact]
    public async Task A_body_cut_short_fails_as_a_network_error()
    {
        var e = await _fetcher.FailAsync(server.Url("/big-declared"));

        e.Failure.ShouldBe(FetchFailure.Network);
        e.IsTransient.ShouldBeTrue();
        e.Message.ShouldContain("the connection broke while reading the body");
    }

    [Fact]
    public async Task A_body_that_is_not_the_declared_encoding_fails()
    {
        var e = await _fetcher.FailAsync(server.Url("/bad-gzip"));

        e.Failure.ShouldBe(FetchFailure.Network);
        e.Message.ShouldContain("could not be decompressed");
    }

    [Fact]
    public async Task A_bot_protection_challenge_is_named()
    {
        var url = server.Url("/challenge");

        var e = await _fetcher.FailAsync(url);

        e.Failure.ShouldBe(FetchFailure.HttpStatus);
        e.Status.ShouldBe(403);
        e.Message.ShouldStartWith($"Fetching {url} failed: HTTP 403, a bot-protection challenge");
    }
}

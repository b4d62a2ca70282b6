using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>Redirects are followed by hand: hop limit, loops, schemes checked at every hop, permanent moves reported.</summary>
public sealed class FetcherRedirectTests(HostileServer server) : IClassFixture<HostileServer>, IDisposable
{
    private readonly Fetcher _fetcher = Loopback.Fetcher();

    public void Dispose() => _fetcher.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Relative_and_absolute_locations_are_followed(bool absolute)
    {
        var response = await _fetcher.GetAsync(server.Url($"/redirect/2?code=302&absolute={absolute}"));

        response.Status.ShouldBe(200);
        response.FinalUrl.ShouldBe(server.Url("/ok"));
        response.Url.ShouldBe(server.Url($"/redirect/2?code=302&absolute={absolute}"));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(308)]
    public async Task A_chain_of_permanent_redirects_sets_moved_to(int code)
    {
        var response = await _fetcher.GetAsync(server.Url($"/redirect/3?code={code}"));

        response.MovedTo.ShouldBe(server.Url("/ok"));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    public async Task A_temporary_redirect_sets_no_moved_to(int code)
    {
        var response = await _fetcher.GetAsync(server.Url($"/redirect/1?code={code}"));

        response.FinalUrl.ShouldBe(server.Url("/ok"));
        response.MovedTo.ShouldBeNull();
    }

    [Fact]
    public async Task One_temporary_hop_in_a_chain_sets_no_moved_to()
    {
        var response = await _fetcher.GetAsync(server.Url("/mixed"));

        response.FinalUrl.ShouldBe(server.Url("/ok"));
        response.MovedTo.ShouldBeNull();
    }

    [Fact]
    public async Task A_conditional_request_through_a_redirect_gets_304()
    {
        var target = Uri.EscapeDataString(server.Url("/etag").AbsoluteUri);
        var request = new FetchRequest(server.Url($"/redirect-to?url={target}"), FetchKind.Feed, ETag: HostileServer.ETag);

        var response = await _fetcher.FetchAsync(request, default);

        response.NotModified.ShouldBeTrue();
        response.FinalUrl.ShouldBe(server.Url("/etag"));
    }

    [Fact]
    public async Task Exactly_the_hop_limit_is_followed()
    {
        var response = await _fetcher.GetAsync(server.Url("/redirect/4?code=302"));

        response.Status.ShouldBe(200);
    }

    [Fact]
    public async Task More_redirects_than_the_limit_fail()
    {
        var e = await _fetcher.FailAsync(server.Url("/redirect/5?code=302"));

        e.Failure.ShouldBe(FetchFailure.TooManyRedirects);
        e.Message.ShouldContain("more than 5 redirects");
    }

    [Fact]
    public async Task A_redirect_loop_is_detected()
    {
        var e = await _fetcher.FailAsync(server.Url("/loop/a"));

        e.Failure.ShouldBe(FetchFailure.RedirectLoop);
        e.IsTransient.ShouldBeFalse();
        e.Message.ShouldStartWith($"Fetching {server.Url("/loop/a")} failed: redirect loop");
    }

    [Fact]
    public async Task A_redirect_without_location_fails()
    {
        var e = await _fetcher.FailAsync(server.Url("/no-location"));

        e.Failure.ShouldBe(FetchFailure.HttpStatus);
        e.Status.ShouldBe(302);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/feed.xml")]
    [InlineData("gopher://example.com/")]
    public async Task A_redirect_to_another_scheme_is_refused(string target)
    {
        var e = await _fetcher.FailAsync(server.Url($"/redirect-to?url={Uri.EscapeDataString(target)}"));

        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.Message.ShouldContain("only http and https");
    }

    [Theory]
    [InlineData("http://127.0.0.1:6379/")]
    [InlineData("http://example.com:25/feed.xml")]
    [InlineData("https://example.com:22/")]
    public async Task A_redirect_to_another_protocols_port_is_refused(string target)
    {
        var e = await _fetcher.FailAsync(server.Url($"/redirect-to?url={Uri.EscapeDataString(target)}"));

        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.Message.ShouldContain($"port {new Uri(target).Port} belongs to another protocol");
        e.Message.ShouldContain("(redirect to ");
    }

    /// <summary>H7: Lede keeps no cookies and sends no credentials, so a redirect to another origin has none to leak.</summary>
    [Fact]
    public async Task A_redirect_to_another_origin_carries_no_cookie_or_credentials()
    {
        var elsewhere = new Uri($"http://localhost:{server.BaseUrl.Port}/echo");
        var response = await _fetcher.GetAsync(server.Url($"/cookie-redirect?url={Uri.EscapeDataString(elsewhere.AbsoluteUri)}"));
        var again = await _fetcher.GetAsync(server.Url("/echo"));

        response.FinalUrl.ShouldBe(elsewhere);
        foreach (var echoed in new[] { response, again }.Select(r => System.Text.Encoding.UTF8.GetString(r.Body)))
        {
            echoed.ShouldContain("User-Agent: Lede/");
            echoed.ShouldNotContain("Cookie", Case.Insensitive);
            echoed.ShouldNotContain("Authorization", Case.Insensitive);
            echoed.ShouldNotContain("s3cr3t");
        }
    }

    [Fact]
    public async Task A_redirect_to_a_url_past_the_length_limit_is_refused()
    {
        (await _fetcher.GetAsync(server.Url("/redirect-long/1000"))).Status.ShouldBe(200);

        var e = await _fetcher.FailAsync(server.Url("/redirect-long/3000"));

        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.IsTransient.ShouldBeFalse();
        e.Message.ShouldEndWith($"failed: URL of {server.Url("/ok?q=").AbsoluteUri.Length + 3000} characters is over the limit of 2048; not fetched (a redirect from {server.Url("/redirect-long/3000")})");
    }

    [Fact]
    public async Task A_url_past_the_length_limit_is_refused_before_any_request()
    {
        using var fetcher = Loopback.Fetcher(Loopback.Options with { MaxUrlLength = 100 });

        (await fetcher.GetAsync(server.Url("/ok?q=" + new string('a', 20)))).Status.ShouldBe(200);
        var e = await fetcher.FailAsync(server.Url("/ok?q=" + new string('a', 100)));

        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.Message.ShouldEndWith("characters is over the limit of 100; not fetched");
    }
}

using System.Net;
using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>The SSRF canary: without AllowPrivate, nothing on this machine's network is reachable, by any path.</summary>
public sealed class FetcherGuardTests(HostileServer server) : IClassFixture<HostileServer>, IDisposable
{
    private readonly Fetcher _guarded = new(new FetchOptions { PerHostDelay = TimeSpan.Zero, TotalTimeout = TimeSpan.FromSeconds(2) });

    public void Dispose() => _guarded.Dispose();

    [Fact]
    public async Task Loopback_is_refused_without_allow_private_and_the_server_never_hears_of_it()
    {
        var url = server.Url("/count/canary-refused");

        var e = await _guarded.FailAsync(url);

        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.IsTransient.ShouldBeFalse();
        e.Message.ShouldBe($"Fetching {url} failed: refused to connect: 127.0.0.1 is loopback, and private networks are not allowed");
        server.ProbeFor("canary-refused").Hits.ShouldBe(0);
    }

    [Fact]
    public async Task Loopback_is_reached_with_allow_private()
    {
        using var open = Loopback.Fetcher();

        (await open.GetAsync(server.Url("/count/canary-allowed"))).Status.ShouldBe(200);
        server.ProbeFor("canary-allowed").Hits.ShouldBe(1);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused()
    {
        var url = new Uri($"http://localhost:{server.BaseUrl.Port}/count/canary-localhost");

        var e = await _guarded.FailAsync(url);

        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.Message.ShouldContain("localhost resolves to ");
        e.Message.ShouldContain(", which is loopback");
        server.ProbeFor("canary-localhost").Hits.ShouldBe(0);
    }

    [Theory]
    [InlineData("http://[::1]:9/")]
    [InlineData("http://[::ffff:127.0.0.1]:9/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://0.0.0.0:9/")]
    [InlineData("http://2130706433:9/")]
    [InlineData("http://0x7f000001:9/")]
    [InlineData("http://0177.0.0.1:9/")]
    [InlineData("http://127.1:9/")]
    public async Task Private_literals_are_refused_before_connecting(string url)
        => (await _guarded.FailAsync(new Uri(url))).Failure.ShouldBe(FetchFailure.Blocked);

    [Theory]
    [InlineData("127.0.0.2", "127.0.0.2 is loopback")]
    [InlineData("169.254.169.254", "169.254.169.254 is link-local (169.254.0.0/16)")]
    [InlineData("10.0.0.1", "10.0.0.1 is private (10.0.0.0/8)")]
    [InlineData("[::1]", "[::1] is loopback (::1)")]
    [InlineData("[::ffff:192.168.1.1]", "is IPv4-mapped private (192.168.0.0/16)")]
    public async Task A_redirect_into_a_forbidden_address_is_refused_at_connect_time(string host, string reason)
    {
        // 127.0.0.1 (the server) is let through; every other non-public address stays forbidden.
        var guard = new ConnectGuard(a => a.Equals(IPAddress.Loopback) ? null : AddressGuard.WhyNotPublic(a));
        using var fetcher = new Fetcher(Loopback.Options with { AllowPrivate = false }, TimeProvider.System, guard);
        var target = $"http://{host}:{server.BaseUrl.Port}/count/canary-redirect";

        var e = await fetcher.FailAsync(server.Url($"/redirect-to?url={Uri.EscapeDataString(target)}"));

        // A connection attempt would have failed as Network or Timeout (nothing listens there), not as Blocked.
        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.Message.ShouldContain(reason);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/feed.xml")]
    [InlineData("data:text/plain,hello")]
    public async Task Non_http_schemes_are_refused(string url)
    {
        var e = await _guarded.FailAsync(new Uri(url));

        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.Message.ShouldContain("only http and https");
    }

    [Fact]
    public async Task Urls_with_user_info_are_refused()
    {
        var e = await _guarded.FailAsync(new Uri("http://example.com@127.0.0.1/"));

        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.Message.ShouldContain("user:password@");
    }

    [Fact]
    public async Task A_relative_url_is_refused()
        => (await _guarded.FailAsync(new Uri("/feed.xml", UriKind.Relative))).Failure.ShouldBe(FetchFailure.Blocked);

    [Theory]
    [InlineData("http://example.com:25/feed.xml", 25)]
    [InlineData("http://example.com:11211/", 11211)]
    [InlineData("https://example.com:6379/feed", 6379)]
    public async Task Ports_of_other_protocols_are_refused_before_connecting(string url, int port)
    {
        var e = await _guarded.FailAsync(new Uri(url));

        e.Failure.ShouldBe(FetchFailure.Blocked);
        e.Message.ShouldContain($"port {port} belongs to another protocol and is not fetched");
    }
}

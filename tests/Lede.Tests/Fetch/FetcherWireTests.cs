using System.Text;
using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>Responses no well-behaved server sends, written byte by byte on a raw socket, and names that do not resolve.</summary>
public sealed class FetcherWireTests : IDisposable
{
    private readonly Fetcher _fetcher = Loopback.Fetcher();

    public void Dispose() => _fetcher.Dispose();

    /// <summary>N9: the server accepts, reads the request and hangs up without a word.</summary>
    [Fact]
    public async Task A_connection_closed_before_any_header_is_a_transient_network_failure()
    {
        await using var server = new RawServer((_, _) => Task.CompletedTask);

        var e = await _fetcher.FailAsync(server.Url);

        e.Failure.ShouldBe(FetchFailure.Network);
        e.IsTransient.ShouldBeTrue();
        e.Message.ShouldStartWith($"Fetching {server.Url} failed: ");
    }

    /// <summary>N9: a reply that is not HTTP at all.</summary>
    [Fact]
    public async Task A_reply_that_is_not_http_is_a_network_failure()
    {
        await using var server = new RawServer((s, ct) => s.WriteAsync("SSH-2.0-OpenSSH_9.6\r\n\r\n"u8.ToArray(), ct).AsTask());

        var e = await _fetcher.FailAsync(server.Url);

        e.Failure.ShouldBe(FetchFailure.Network);
    }

    /// <summary>H2: the declared length frames the body; what the server sends past it is never read as body.</summary>
    [Fact]
    public async Task Bytes_past_the_declared_length_are_not_read()
    {
        await using var server = new RawServer(async (s, ct) =>
        {
            await s.WriteAsync(RawServer.Head("HTTP/1.1 200 OK", "Content-Type: text/plain", "Content-Length: 100", "Connection: close"), ct);
            var junk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var i = 0; i < 256; i++)
            {
                await s.WriteAsync(junk, ct);
            }
        });

        var response = await _fetcher.GetAsync(server.Url);

        response.Status.ShouldBe(200);
        response.Body.Length.ShouldBe(100);
    }

    /// <summary>H4: a header block past 64 KiB is refused before any body is read.</summary>
    [Fact]
    public async Task A_header_flood_is_refused()
    {
        var flood = Enumerable.Range(0, 200).Select(i => $"X-Flood-{i}: {new string('a', 1000)}");
        await using var server = new RawServer((s, ct) => s.WriteAsync(RawServer.Head(["HTTP/1.1 200 OK", .. flood, "Content-Length: 2"]), ct).AsTask());

        var e = await _fetcher.FailAsync(server.Url);

        e.Failure.ShouldBe(FetchFailure.Network);
        e.Message.ShouldContain("header", Case.Insensitive);
    }

    /// <summary>N1: a name that does not resolve (.invalid never does, RFC 6761) fails as a network error, so the source backs off.</summary>
    [Fact]
    public async Task A_name_that_does_not_resolve_is_a_transient_network_failure()
    {
        using var guarded = new Fetcher(new FetchOptions { PerHostDelay = TimeSpan.Zero, ConnectTimeout = TimeSpan.FromSeconds(5) });

        var e = await guarded.FailAsync(new Uri("http://no-such-host.invalid/feed.xml"));

        e.Failure.ShouldBeOneOf(FetchFailure.Network, FetchFailure.Timeout);
        e.IsTransient.ShouldBeTrue();
    }
}

using System.Text;
using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>Usable responses: bodies, decompression and conditional GET.</summary>
public sealed class FetcherResponseTests(HostileServer server) : IClassFixture<HostileServer>, IDisposable
{
    private readonly Fetcher _fetcher = Loopback.Fetcher();

    public void Dispose() => _fetcher.Dispose();

    [Fact]
    public async Task A_200_returns_the_body_and_its_type()
    {
        var response = await _fetcher.GetAsync(server.Url("/ok"));

        response.Status.ShouldBe(200);
        response.NotModified.ShouldBeFalse();
        Encoding.UTF8.GetString(response.Body).ShouldBe("hello");
        response.ContentType.ShouldBe("text/plain");
        response.FinalUrl.ShouldBe(server.Url("/ok"));
        response.MovedTo.ShouldBeNull();
    }

    [Fact]
    public async Task The_etag_comes_back_and_sending_it_gives_304()
    {
        var first = await _fetcher.GetAsync(server.Url("/etag"));
        first.Status.ShouldBe(200);
        first.ETag.ShouldBe(HostileServer.ETag);

        var second = await _fetcher.FetchAsync(new FetchRequest(server.Url("/etag"), FetchKind.Feed, ETag: first.ETag), default);

        second.NotModified.ShouldBeTrue();
        second.Body.ShouldBeEmpty();
        second.ETag.ShouldBe(HostileServer.ETag);
    }

    [Fact]
    public async Task Last_modified_comes_back_and_sending_it_gives_304()
    {
        var first = await _fetcher.GetAsync(server.Url("/lastmod"));
        first.Status.ShouldBe(200);
        first.LastModified.ShouldBe(HostileServer.LastModified);

        var second = await _fetcher.FetchAsync(new FetchRequest(server.Url("/lastmod"), FetchKind.Feed, LastModified: first.LastModified), default);

        second.NotModified.ShouldBeTrue();
        second.LastModified.ShouldBe(HostileServer.LastModified);
    }

    [Fact]
    public async Task A_stale_etag_gets_the_full_body()
    {
        var response = await _fetcher.FetchAsync(new FetchRequest(server.Url("/etag"), FetchKind.Feed, ETag: "\"v0\""), default);

        response.Status.ShouldBe(200);
        Encoding.UTF8.GetString(response.Body).ShouldBe("<rss/>");
    }

    [Fact]
    public async Task Requests_name_lede_accept_the_kind_and_ask_for_compression()
    {
        var headers = Encoding.UTF8.GetString((await _fetcher.GetAsync(server.Url("/echo"), FetchKind.Page)).Body).Split('\n');

        headers.ShouldContain(h => h == "User-Agent: Lede/0.1 (+https://github.com/lede-news/lede)");
        headers.ShouldContain(h => h.StartsWith("Accept: text/html", StringComparison.Ordinal));
        headers.ShouldContain(h => h.StartsWith("Accept-Encoding: ", StringComparison.Ordinal) && h.Contains("gzip") && h.Contains("br"));
        headers.ShouldNotContain(h => h.StartsWith("If-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validators_that_would_break_the_header_block_are_not_sent()
    {
        var request = new FetchRequest(server.Url("/echo"), FetchKind.Feed, ETag: "\"a\"\r\nX-Injected: 1", LastModified: "Tue\n");

        var headers = Encoding.UTF8.GetString((await _fetcher.FetchAsync(request, default)).Body);

        headers.ShouldNotContain("X-Injected");
        headers.ShouldNotContain("If-");
    }

    [Theory]
    [InlineData("/gzip")]
    [InlineData("/brotli")]
    public async Task Compressed_bodies_are_decoded(string path)
    {
        var response = await _fetcher.GetAsync(server.Url(path));

        Encoding.UTF8.GetString(response.Body).ShouldBe(HostileServer.Compressible);
    }
}

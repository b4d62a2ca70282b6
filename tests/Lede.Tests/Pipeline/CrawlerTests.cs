using System.Text;
using Lede.Fetch;
using Lede.Parse;
using Lede.Pipeline;
using Lede.Sources;
using Lede.Storage.Sqlite;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Tests.Pipeline;

public sealed class CrawlerTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lede-crawler-").FullName;
    private readonly Dictionary<string, Func<FetchRequest, FetchResponse>> _site = new(StringComparer.Ordinal);
    private IStore _store = null!;

    public Task InitializeAsync()
    {
        _store = SqliteStore.Open(Path.Combine(_folder, "lede.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Serves the feeds in <see cref="_site"/> by URL; anything else is a 404.</summary>
    private sealed class SiteFetcher(Dictionary<string, Func<FetchRequest, FetchResponse>> site) : IFetcher
    {
        public Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken ct)
            => site.TryGetValue(request.Url.AbsoluteUri, out var answer)
                ? Task.FromResult(answer(request))
                : throw new FetchException(request.Url, FetchFailure.HttpStatus, "HTTP 404", 404);
    }

    private Crawler Crawler() => new(_store, new SiteFetcher(_site), FeedParser.Parse, new SourceScheduler(Random.Shared), TimeProvider.System);

    private static FetchResponse Rss(FetchRequest request, params string[] links)
    {
        var items = string.Concat(links.Select((l, i) => $"<item><title>Item {i}</title><link>{l}</link><pubDate>Mon, 0{i + 1} Mar 2021 10:00:00 GMT</pubDate></item>"));
        var body = Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>Example News</title>{items}</channel></rss>");
        return request.ETag == "\"v1\""
            ? new FetchResponse(request.Url, request.Url, 304, [], null, "\"v1\"", null, null)
            : new FetchResponse(request.Url, request.Url, 200, body, "application/rss+xml", "\"v1\"", null, null);
    }

    private async Task<CrawlReport> CrawlAllAsync() => await Crawler().CrawlAsync(await Crawler().DueAsync(all: true, default), null, default);

    [Fact]
    public async Task New_items_are_stored_once_and_an_unchanged_feed_costs_a_304()
    {
        _site["https://news.example/feed"] = r => Rss(r, "https://news.example/a", "https://news.example/b");
        await _store.AddSourceAsync("https://news.example/feed", null, [], default);

        var first = await CrawlAllAsync();
        var second = await CrawlAllAsync();

        (first.NewArticles, first.Failed).ShouldBe((2, 0));
        (second.NewArticles, second.Known).ShouldBe((0, 0));
        (await _store.ListSourcesAsync(default)).Single().State.LastStatus.ShouldBe(304);
        (await _store.CountArticlesAsync(default)).ShouldBe(2);
    }

    [Fact]
    public async Task A_source_that_breaks_unexpectedly_does_not_stop_the_others()
    {
        _site["https://good.example/feed"] = r => Rss(r, "https://good.example/a");
        _site["https://bad.example/feed"] = _ => throw new InvalidOperationException("something nobody expected");
        await _store.AddSourceAsync("https://bad.example/feed", null, [], default);
        await _store.AddSourceAsync("https://good.example/feed", null, [], default);

        var report = await CrawlAllAsync();

        (report.NewArticles, report.Failed).ShouldBe((1, 1));
        report.PerSource.Single(r => r.Failed).Error.ShouldBe("crawling https://bad.example/feed failed: InvalidOperationException: something nobody expected");
    }

    [Fact]
    public async Task Fetch_and_parse_failures_are_kept_on_the_source()
    {
        _site["https://html.example/feed"] = r => new FetchResponse(r.Url, r.Url, 200, Encoding.UTF8.GetBytes("just some text"), "text/plain", null, null, null);
        await _store.AddSourceAsync("https://html.example/feed", null, [], default);
        await _store.AddSourceAsync("https://missing.example/feed", null, [], default);

        var report = await CrawlAllAsync();

        report.Failed.ShouldBe(2);
        var sources = await _store.ListSourcesAsync(default);
        sources.ShouldAllBe(s => s.State.ConsecutiveErrors == 1 && s.State.NextDueAt > DateTime.UtcNow);
        sources[0].State.LastError!.ShouldStartWith("https://html.example/feed is not a feed Lede can read");
        sources[1].State.LastStatus.ShouldBe(404);
    }

    [Fact]
    public async Task A_permanent_redirect_moves_the_source()
    {
        _site["http://old.example/feed"] = r => Rss(r, "https://old.example/a") with { FinalUrl = new Uri("https://new.example/feed"), MovedTo = new Uri("https://new.example/feed") };
        await _store.AddSourceAsync("http://old.example/feed", null, [], default);

        await CrawlAllAsync();

        (await _store.ListSourcesAsync(default)).Single().Url.ShouldBe("https://new.example/feed");
    }
}

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

    /// <summary>C5: a source removed while its crawl is under way is not brought back, and the crawl ends normally.</summary>
    [Fact]
    public async Task A_source_removed_during_its_crawl_stays_removed()
    {
        _site["https://going.example/feed"] = r => Rss(r, "https://going.example/a", "https://going.example/b");
        var (source, _) = await _store.AddSourceAsync("https://going.example/feed", null, [], default);
        var crawler = Crawler();
        var due = await crawler.DueAsync(all: true, default);
        (await _store.RemoveSourceAsync(source.Id, default)).ShouldBeTrue();

        var report = await crawler.CrawlAsync(due, null, default);

        // What it read is kept, as a removed source's articles always are; the source itself is not written back.
        (report.NewArticles, report.Failed).ShouldBe((2, 0));
        (await _store.CountArticlesAsync(default)).ShouldBe(2);
        (await _store.ListSourcesAsync(default)).ShouldBeEmpty();
        (await _store.DueSourcesAsync(DateTime.UtcNow.AddDays(30), default)).ShouldBeEmpty();
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

    [Fact]
    public async Task Pages_give_the_canonical_url_and_two_links_to_one_page_are_one_article()
    {
        var pageFetches = 0;
        _site["https://www.harbourtimes.com/feed"] = r => new FetchResponse(r.Url, r.Url, 200, Encoding.UTF8.GetBytes(
            "<rss version=\"2.0\"><channel><title>Example News</title>" +
            "<item><title>Story</title><link>https://www.harbourtimes.com/a?utm_source=rss</link></item>" +
            "<item><title>Story again</title><link>https://www.harbourtimes.com/b</link></item>" +
            "<item><title>Gone</title><link>https://www.harbourtimes.com/gone</link></item></channel></rss>"), "application/rss+xml", null, null, null);
        FetchResponse Page(FetchRequest r)
        {
            Interlocked.Increment(ref pageFetches);
            return new FetchResponse(r.Url, r.Url, 200, Encoding.UTF8.GetBytes(
                "<html><head><link rel=canonical href='https://www.harbourtimes.com/story'><meta property='og:site_name' content='The Harbour Times'></head>" +
                "<body><article><p>The council voted on Monday to ban the use of face recognition by the city's police, after a year of debate.</p></article></body></html>"),
                "text/html; charset=utf-8", null, null, null);
        }

        _site["https://www.harbourtimes.com/a?utm_source=rss"] = Page;
        _site["https://www.harbourtimes.com/b"] = Page;
        await _store.AddSourceAsync("https://www.harbourtimes.com/feed", null, [], default);
        var crawler = new Crawler(_store, new SiteFetcher(_site), FeedParser.Parse, new SourceScheduler(Random.Shared), TimeProvider.System)
        {
            Articles = new ArticleBuilder(Lede.Normalize.ArticleNormalizer.Default(), new Lede.Enrich.PageEnricher(new SiteFetcher(_site)), null, null),
        };
        var first = await crawler.CrawlAsync(await crawler.DueAsync(all: true, default), null, default);
        var fetchesAfterFirst = pageFetches;
        var second = await crawler.CrawlAsync(await crawler.DueAsync(all: true, default), null, default);

        (first.NewArticles, first.Known).ShouldBe((2, 1));
        first.PerSource.Single().Warnings.ShouldContain(w => w.Contains("https://www.harbourtimes.com/gone", StringComparison.Ordinal));
        var story = (await _store.FindRecordAsync(Lede.Normalize.ArticleId.FromUrl("https://www.harbourtimes.com/story"), default))!.Record;
        story.OriginalUrl.ShouldBe("https://www.harbourtimes.com/a?utm_source=rss");
        story.Provider.ShouldBe(new Lede.Records.ProviderRef("The Harbour Times", "harbourtimes.com"));
        (second.NewArticles, second.Known).ShouldBe((0, 3));
        pageFetches.ShouldBe(fetchesAfterFirst, "links already seen are recognised without reading their pages again");
    }

    /// <summary>K1: without a key the full text is not kept at all: no secured payload, and not one word of it in plain text on disk.</summary>
    [Fact]
    public async Task Without_a_key_the_full_text_is_kept_nowhere()
    {
        const string Marker = "Quenthorpe-zebra-ledger-7731";
        var body = string.Concat(Enumerable.Range(0, 40).Select(i => $"<p>Paragraph {i} of the council's long report on the harbour budget and its many committees.</p>"));
        _site["https://keyless.example/feed"] = r => new FetchResponse(r.Url, r.Url, 200, Encoding.UTF8.GetBytes(
            "<rss version=\"2.0\"><channel><title>Keyless</title><item><title>Budget</title><link>https://keyless.example/budget</link></item></channel></rss>"),
            "application/rss+xml", null, null, null);
        _site["https://keyless.example/budget"] = r => new FetchResponse(r.Url, r.Url, 200, Encoding.UTF8.GetBytes(
            $"<html><body><article>{body}<p>The closing line names {Marker} once.</p></article></body></html>"), "text/html; charset=utf-8", null, null, null);
        await _store.AddSourceAsync("https://keyless.example/feed", null, [], default);
        var crawler = new Crawler(_store, new SiteFetcher(_site), FeedParser.Parse, new SourceScheduler(Random.Shared), TimeProvider.System)
        {
            Articles = new ArticleBuilder(Lede.Normalize.ArticleNormalizer.Default(), new Lede.Enrich.PageEnricher(new SiteFetcher(_site)), null, box: null),
        };

        var report = await crawler.CrawlAsync(await crawler.DueAsync(all: true, default), null, default);

        report.NewArticles.ShouldBe(1);
        var stored = (await _store.FindRecordAsync(Lede.Normalize.ArticleId.FromUrl("https://keyless.example/budget"), default)).ShouldNotBeNull();
        stored.Record.Excerpt.ShouldNotBeNull().ShouldContain("council", customMessage: "the page was read: its text gave the excerpt");
        stored.Record.Secured.ShouldBeNull();
        stored.Seal.ShouldBeNull();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        var onDisk = Directory.GetFiles(_folder).Select(File.ReadAllBytes).Select(Encoding.UTF8.GetString);
        onDisk.ShouldNotContain(text => text.Contains(Marker, StringComparison.Ordinal));
        _store = SqliteStore.Open(Path.Combine(_folder, "lede.db"));
    }

    [Fact]
    public async Task A_full_disk_rolls_the_batch_back_keeps_what_was_committed_and_the_crawl_completes_once_space_is_freed()
    {
        var path = Path.Combine(_folder, "lede.db");
        _site["https://news.example/feed"] = r => LongFeed(r, 50);
        await _store.AddSourceAsync("https://news.example/feed", null, [], default);
        var empty = PageCount(path);
        (await CrawlAllAsync()).NewArticles.ShouldBe(50);
        var fifty = PageCount(path);
        _site["https://news.example/feed"] = r => LongFeed(r, 600);

        // Room for about 350 more articles, measured on the first fifty: one batch of 200 fits, the disk fills in the next.
        await ReopenAsync(path, fifty + ((fifty - empty) * 7));
        var full = await Should.ThrowAsync<StoreFullException>(CrawlAllAsync);

        full.Message.ShouldContain(path);
        full.Message.ShouldContain("disk full");
        full.Message.ShouldNotContain("\n");
        var kept = await _store.CountArticlesAsync(default);
        // A batch of 200 was committed before the disk filled; the batch that filled it left nothing behind.
        kept.ShouldBeInRange(250, 599);
        (await _store.CheckAsync(null, default)).ShouldBeEmpty();
        for (var i = 0; i < 50; i++)
        {
            (await _store.FindArticleByUrlAsync($"https://news.example/story-{i}", default)).ShouldNotBeNull();
        }

        await ReopenAsync(path, null);
        var resumed = await CrawlAllAsync();

        resumed.Failed.ShouldBe(0);
        (await _store.CountArticlesAsync(default)).ShouldBe(600);
        resumed.NewArticles.ShouldBe(600 - kept);
        for (var i = 0; i < 600; i++)
        {
            (await _store.FindArticleByUrlAsync($"https://news.example/story-{i}", default)).ShouldNotBeNull();
        }
    }

    private async Task ReopenAsync(string path, long? maxPageCount)
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _store = SqliteStore.Open(path, maxPageCount);
    }

    private static long PageCount(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA page_count";
        using var reader = command.ExecuteReader();
        reader.NextResult();
        reader.Read();
        return reader.GetInt64(0);
    }

    // Items with long, distinct descriptions (each its own words), so that they fill pages quickly and are no copies of each other.
    private static FetchResponse LongFeed(FetchRequest request, int count)
    {
        var random = new Random(7);
        string Word() => string.Concat(Enumerable.Range(0, random.Next(4, 10)).Select(_ => (char)('a' + random.Next(26))));
        var items = string.Concat(Enumerable.Range(0, count).Select(i =>
            $"<item><title>Story {i} {Word()} {Word()}</title><link>https://news.example/story-{i}</link>"
            + $"<pubDate>{new DateTime(2021, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i):R}</pubDate>"
            + $"<description>{string.Join(' ', Enumerable.Range(0, 150).Select(_ => Word()))}</description></item>"));
        var body = Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>Example News</title>{items}</channel></rss>");
        return new FetchResponse(request.Url, request.Url, 200, body, "application/rss+xml", null, null, null);
    }
}

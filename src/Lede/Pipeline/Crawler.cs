using Lede.Enrich;
using Lede.Fetch;
using Lede.Normalize;
using Lede.Parse;
using Lede.Records;
using Lede.Sources;
using Lede.Store;

namespace Lede.Pipeline;

/// <summary>One pass over the due sources: fetch, parse, store the new items, schedule the next fetch.</summary>
/// <remarks>Re-running stores nothing twice: an article already held under its URL's id is left as it is.</remarks>
public sealed class Crawler(IStore store, IFetcher fetcher, Func<FeedInput, ParseResult> parse, SourceScheduler scheduler, TimeProvider clock)
{
    /// <value>Default: 8 sources at once; the fetcher still limits each host.</value>
    public int Parallelism { get; init; } = 8;

    /// <value>Default: 4 items of one source at once (pages and images); the fetcher still limits each host.</value>
    public int ItemParallelism { get; init; } = 4;

    /// <value>Default: feed facts only; the CLI gives it page enrichment, the image cache and the key.</value>
    public ArticleBuilder Articles { get; init; } = ArticleBuilder.FeedOnly();

    /// <summary>The story stages (dedupe, cluster, score, decide); null: a curator with no key and no publishing rules, opened on first use.</summary>
    public Curator? Curator { get; init; }

    private Curator? _opened;
    private readonly SemaphoreSlim _opening = new(1, 1);

    /// <summary>The sources due now, or every enabled one when <paramref name="all"/>.</summary>
    public Task<IReadOnlyList<Source>> DueAsync(bool all, CancellationToken ct)
        => store.DueSourcesAsync(all ? DateTime.MaxValue : clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>Crawls <paramref name="due"/>, reporting each source as its articles are read.</summary>
    /// <remarks>
    /// Two phases. In parallel: fetch, parse, read pages and build each source's new articles. Then one at a time,
    /// oldest first across all sources: the story stages and the store (stories form in the order things happened),
    /// and only then each source's fetch state, so that a crash never marks items as seen that were not stored.
    /// </remarks>
    public async Task<CrawlReport> CrawlAsync(IReadOnlyList<Source> due, Action<SourceReport>? onSource, CancellationToken ct)
    {
        var harvests = due.Select(s => new SourceHarvest(s)).ToArray();
        await Parallel.ForEachAsync(harvests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (harvest, token) =>
            {
                try
                {
                    await HarvestAsync(harvest, token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The batch boundary: whatever broke this source, the others still run.
                    harvest.Outcome = null;
                    harvest.Articles.Clear();
                    harvest.Error = $"crawling {harvest.Source.Url} failed: {e.GetType().Name}: {e.Message}";
                }

                onSource?.Invoke(harvest.Preview());
            }).ConfigureAwait(false);

        var curator = await CuratorAsync(ct).ConfigureAwait(false);
        var order = 0;
        foreach (var (harvest, link, article) in harvests
                     .SelectMany(h => h.Articles.Select(a => (Harvest: h, a.Link, a.Article, Order: order++)))
                     .OrderBy(x => x.Article.Record.PublishedDateTime).ThenBy(x => x.Order)
                     .Select(x => (x.Harvest, x.Link, x.Article)))
        {
            await StoreAsync(curator, harvest, link, article, ct).ConfigureAwait(false);
        }

        foreach (var conflict in await curator.FlushAsync(ct).ConfigureAwait(false))
        {
            // A bad item never stops the rest of the batch.
            if (harvests.FirstOrDefault(h => h.Articles.Exists(a => ArticleId.FromUrl(a.Article.Record.WebUrl) == conflict.Id)) is { } harvest)
            {
                harvest.Added--;
                harvest.Warnings.Add($"other: {conflict.Message}");
            }
        }

        foreach (var (id, link) in harvests.SelectMany(h => h.LinksToHeld))
        {
            await store.AddArticleUrlAsync(id, link, ct).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var harvest in harvests.Where(h => h.Outcome is not null))
        {
            var movedTo = harvest.Outcome switch
            {
                FetchOutcome.Fetched f => f.Response.MovedTo,
                FetchOutcome.NotModified n => n.Response.MovedTo,
                _ => null,
            };
            await store.SaveSourceStateAsync(harvest.Source.Id, scheduler.After(harvest.Source.State, harvest.Outcome!, now), movedTo?.AbsoluteUri, ct)
                .ConfigureAwait(false);
        }

        var reports = harvests.Select(h => h.Report()).ToList();
        return new CrawlReport(due.Count, reports.Sum(r => r.NewArticles), reports.Sum(r => r.Known), reports.Count(r => r.Failed), reports);
    }

    /// <summary>Crawls one source.</summary>
    public async Task<SourceReport> CrawlSourceAsync(Source source, CancellationToken ct)
        => (await CrawlAsync([source], null, ct).ConfigureAwait(false)).PerSource[0];

    /// <summary>Stores one new article through the story stages; a problem with it is a warning and the rest go on.</summary>
    private async Task StoreAsync(Curator curator, SourceHarvest harvest, string link, BuiltArticle article, CancellationToken ct)
    {
        var record = article.Record;
        var id = ArticleId.FromUrl(record.WebUrl);
        if (curator.Holds(id))
        {
            // Two links of this pass lead to one canonical page: the link is remembered once the article is written.
            harvest.Known++;
            harvest.LinksToHeld.Add((id, link));
            return;
        }

        if (await store.FindArticleByUrlAsync(record.WebUrl, ct).ConfigureAwait(false) is { } held)
        {
            // Another link to an article already held: remember the link, so the next crawl need not read the page again.
            await store.AddArticleUrlAsync(held, link, ct).ConfigureAwait(false);
            harvest.Known++;
            return;
        }

        try
        {
            await curator.AddAsync(id, article, ct).ConfigureAwait(false);
            harvest.Added++;
        }
        catch (Exception e) when (e is not (OperationCanceledException or IOException or System.Data.Common.DbException))
        {
            // The story stages failed on this article: store it as built, so nothing read is lost.
            harvest.Warnings.Add($"other: {record.WebUrl}: the story stages failed ({e.GetType().Name}: {e.Message}); stored without them");
            await store.SaveRecordAsync(id, record, article.Seal, ct).ConfigureAwait(false);
            harvest.Added++;
        }
    }

    private async Task HarvestAsync(SourceHarvest harvest, CancellationToken ct)
    {
        var source = harvest.Source;
        FetchResponse response;
        try
        {
            var request = new FetchRequest(new Uri(source.Url), FetchKind.Feed, source.State.ETag, source.State.LastModified);
            response = await fetcher.FetchAsync(request, ct).ConfigureAwait(false);
        }
        catch (FetchException e)
        {
            harvest.Outcome = new FetchOutcome.FetchFailed(e);
            harvest.Error = e.Message;
            return;
        }

        if (response.NotModified)
        {
            harvest.Outcome = new FetchOutcome.NotModified(response);
            return;
        }

        var parsed = parse(new FeedInput(response.Body, response.ContentType, response.FinalUrl));
        harvest.Warnings.AddRange(parsed.Warnings.Select(w => $"{w.Kind}: {w.Message}"));
        if (parsed.Feed is not { } feed)
        {
            var error = parsed.Error ?? "no feed found";
            harvest.Outcome = new FetchOutcome.ParseFailed(response, error);
            harvest.Error = $"{source.Url} is not a feed Lede can read: {error}";
            return;
        }

        await BuildItemsAsync(harvest, feed, ct).ConfigureAwait(false);
        var times = feed.Items.Select(i => i.Published ?? i.Updated).OfType<DateTime>().ToList();
        harvest.Outcome = new FetchOutcome.Fetched(response, times);
    }

    private async Task BuildItemsAsync(SourceHarvest harvest, Feed feed, CancellationToken ct)
    {
        var source = harvest.Source;
        var seenAt = clock.GetUtcNow().UtcDateTime;
        var feedTitle = source.Title ?? Text.HtmlText.ToPlain(feed.Title);
        var fresh = new List<(FeedItem Item, ArticleRecord Record)>();
        foreach (var item in feed.Items)
        {
            var (record, problem) = FeedItemNormalizer.ToRecord(item, feed, source.Title, seenAt);
            if (record is null)
            {
                harvest.Warnings.Add($"content: {problem}");
            }
            else if (await IsKnownAsync(record.OriginalUrl, record.WebUrl, ct).ConfigureAwait(false))
            {
                harvest.Known++;
            }
            else if (fresh.TrueForAll(f => f.Record.WebUrl != record.WebUrl))
            {
                fresh.Add((item, record));
            }
        }

        // Pages first (in parallel; the fetcher keeps each host's limits), so that the boilerplate detector has
        // seen every page of this batch before the first excerpt is chosen.
        var pages = new EnrichedPage?[fresh.Count];
        var itemWarnings = fresh.ConvertAll(_ => new List<string>());
        await ForEachAsync(fresh.Count, async (i, token) => pages[i] = await Articles.ReadPageAsync(fresh[i].Record, itemWarnings[i], token).ConfigureAwait(false), ct)
            .ConfigureAwait(false);
        for (var i = 0; i < fresh.Count; i++)
        {
            Articles.Observe(fresh[i].Record, fresh[i].Item.Description ?? fresh[i].Item.Content, pages[i]);
        }

        var built = new BuiltArticle[fresh.Count];
        await ForEachAsync(fresh.Count, async (i, token) => built[i] = await Articles.BuildAsync(
            fresh[i].Record, feedTitle, fresh[i].Item.Description ?? fresh[i].Item.Content, (fresh[i].Item.Published ?? fresh[i].Item.Updated) is not null,
            pages[i], itemWarnings[i], token).ConfigureAwait(false), ct)
            .ConfigureAwait(false);
        for (var i = 0; i < fresh.Count; i++)
        {
            harvest.Articles.Add((fresh[i].Record.OriginalUrl, built[i]));
        }

        harvest.Warnings.AddRange(itemWarnings.SelectMany(w => w));
    }

    private async Task<Curator> CuratorAsync(CancellationToken ct)
    {
        if (Curator is not null)
        {
            return Curator;
        }

        await _opening.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return _opened ??= await Curator.OpenAsync(store, null, CuratorOptions.Default, clock, ct).ConfigureAwait(false);
        }
        finally
        {
            _opening.Release();
        }
    }

    private Task ForEachAsync(int count, Func<int, CancellationToken, ValueTask> body, CancellationToken ct)
        => Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = ItemParallelism, CancellationToken = ct }, body);

    /// <summary>Whether an article is already held under the item's link as given, or in canonical form.</summary>
    private async Task<bool> IsKnownAsync(string link, string webUrl, CancellationToken ct)
    {
        if (await store.FindArticleByUrlAsync(link, ct).ConfigureAwait(false) is not null)
        {
            return true;
        }

        var canonical = UrlCanonicalizer.Canonicalize(webUrl).Url;
        return canonical is not null && canonical != link && await store.FindArticleByUrlAsync(canonical, ct).ConfigureAwait(false) is not null;
    }
}

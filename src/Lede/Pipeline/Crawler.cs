using Lede.Fetch;
using Lede.Normalize;
using Lede.Parse;
using Lede.Sources;
using Lede.Store;
using Lede.Text;

namespace Lede.Pipeline;

/// <summary>One pass over the due sources: fetch, parse, store the new items, schedule the next fetch.</summary>
/// <remarks>Re-running stores nothing twice: an article already held under its URL's id is left as it is.</remarks>
public sealed class Crawler(IStore store, IFetcher fetcher, Func<FeedInput, ParseResult> parse, SourceScheduler scheduler, TimeProvider clock)
{
    private readonly FeedHarvester _feeds = new(store, fetcher, parse, clock);

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
                    harvest.Error = $"crawling {LogText.Url(harvest.Source.Url)} failed: {e.GetType().Name}: {LogText.Line(e.Message)}";
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
        if (await ArticleIntake.AddAsync(store, curator, link, article, harvest.Warnings, harvest.LinksToHeld, ct).ConfigureAwait(false))
        {
            harvest.Added++;
        }
        else
        {
            harvest.Known++;
        }
    }

    private async Task HarvestAsync(SourceHarvest harvest, CancellationToken ct)
    {
        var read = await _feeds.ReadAsync(harvest.Source, ct).ConfigureAwait(false);
        harvest.Warnings.AddRange(read.Warnings);
        harvest.Error = read.Error;
        if (read.Feed is { } feed)
        {
            var (fresh, known) = await _feeds.FreshItemsAsync(harvest.Source, feed, harvest.Warnings, ct).ConfigureAwait(false);
            harvest.Known += known;
            var itemWarnings = fresh.Select(_ => new List<string>()).ToList();
            var built = await Articles.BuildAllAsync(fresh, ItemParallelism, itemWarnings, ct).ConfigureAwait(false);
            for (var i = 0; i < fresh.Count; i++)
            {
                harvest.Articles.Add((fresh[i].Link, built[i]));
            }

            harvest.Warnings.AddRange(itemWarnings.SelectMany(w => w));
        }

        harvest.Outcome = read.Outcome;
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
}

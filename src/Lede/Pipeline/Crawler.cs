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

    /// <summary>Crawls <paramref name="due"/>, reporting each source as it finishes.</summary>
    public async Task<CrawlReport> CrawlAsync(IReadOnlyList<Source> due, Action<SourceReport>? onSource, CancellationToken ct)
    {
        var reports = new SourceReport[due.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) =>
            {
                try
                {
                    reports[i] = await CrawlSourceAsync(due[i], token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The batch boundary: whatever broke this source, the others still run.
                    reports[i] = new SourceReport(due[i].Id, due[i].Url, 0, 0, $"crawling {due[i].Url} failed: {e.GetType().Name}: {e.Message}", []);
                }

                onSource?.Invoke(reports[i]);
            }).ConfigureAwait(false);
        return new CrawlReport(due.Count, reports.Sum(r => r.NewArticles), reports.Sum(r => r.Known), reports.Count(r => r.Failed), reports);
    }

    /// <summary>Fetches and stores one source; failures become its report and its backoff, never an exception.</summary>
    public async Task<SourceReport> CrawlSourceAsync(Source source, CancellationToken ct)
    {
        var warnings = new List<string>();
        var (outcome, stored) = await FetchAndStoreAsync(source, warnings, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var movedTo = outcome switch
        {
            FetchOutcome.Fetched f => f.Response.MovedTo,
            FetchOutcome.NotModified n => n.Response.MovedTo,
            _ => null,
        };
        await store.SaveSourceStateAsync(source.Id, scheduler.After(source.State, outcome, now), movedTo?.AbsoluteUri, ct).ConfigureAwait(false);
        var error = outcome switch
        {
            FetchOutcome.FetchFailed f => f.Error.Message,
            FetchOutcome.ParseFailed p => $"{source.Url} is not a feed Lede can read: {p.Error}",
            _ => null,
        };
        return new SourceReport(source.Id, source.Url, stored.New, stored.Known, error, warnings);
    }

    private async Task<(FetchOutcome Outcome, (int New, int Known) Stored)> FetchAndStoreAsync(Source source, List<string> warnings, CancellationToken ct)
    {
        FetchResponse response;
        try
        {
            var request = new FetchRequest(new Uri(source.Url), FetchKind.Feed, source.State.ETag, source.State.LastModified);
            response = await fetcher.FetchAsync(request, ct).ConfigureAwait(false);
        }
        catch (FetchException e)
        {
            return (new FetchOutcome.FetchFailed(e), (0, 0));
        }

        if (response.NotModified)
        {
            return (new FetchOutcome.NotModified(response), (0, 0));
        }

        var parsed = parse(new FeedInput(response.Body, response.ContentType, response.FinalUrl));
        warnings.AddRange(parsed.Warnings.Select(w => $"{w.Kind}: {w.Message}"));
        if (parsed.Feed is not { } feed)
        {
            return (new FetchOutcome.ParseFailed(response, parsed.Error ?? "no feed found"), (0, 0));
        }

        var stored = await StoreItemsAsync(source, feed, warnings, ct).ConfigureAwait(false);
        var times = feed.Items.Select(i => i.Published ?? i.Updated).OfType<DateTime>().ToList();
        return (new FetchOutcome.Fetched(response, times), stored);
    }

    private async Task<(int New, int Known)> StoreItemsAsync(Source source, Feed feed, List<string> warnings, CancellationToken ct)
    {
        var seenAt = clock.GetUtcNow().UtcDateTime;
        var feedTitle = source.Title ?? Text.HtmlText.ToPlain(feed.Title);
        var fresh = new List<(FeedItem Item, ArticleRecord Record)>();
        var known = 0;
        foreach (var item in feed.Items)
        {
            var (record, problem) = FeedItemNormalizer.ToRecord(item, feed, source.Title, seenAt);
            if (record is null)
            {
                warnings.Add($"content: {problem}");
            }
            else if (await IsKnownAsync(record.OriginalUrl, record.WebUrl, ct).ConfigureAwait(false))
            {
                known++;
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

        // Curated and stored one by one, oldest first (stories form in the order things happened);
        // two links of this batch may lead to one canonical page.
        var curator = await CuratorAsync(ct).ConfigureAwait(false);
        var added = 0;
        foreach (var i in Enumerable.Range(0, fresh.Count).OrderBy(i => built[i].Record.PublishedDateTime))
        {
            var record = built[i].Record;
            var link = fresh[i].Record.OriginalUrl;
            if (await store.FindArticleByUrlAsync(record.WebUrl, ct).ConfigureAwait(false) is { } held)
            {
                // Another link to an article already held: remember the link, so the next crawl need not read the page again.
                await store.AddArticleUrlAsync(held, link, ct).ConfigureAwait(false);
                known++;
                continue;
            }

            try
            {
                await curator.AddAsync(ArticleId.FromUrl(record.WebUrl), built[i], ct).ConfigureAwait(false);
                added++;
            }
            catch (ArticleConflictException e)
            {
                // A bad item never stops the rest of the feed.
                itemWarnings[i].Add($"other: {e.Message}");
            }
        }

        warnings.AddRange(itemWarnings.SelectMany(w => w));
        return (added, known);
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

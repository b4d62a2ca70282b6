using Lede.Normalize;
using Lede.Sources;
using Lede.Store;
using Lede.Text;

namespace Lede.Pipeline;

/// <summary>
/// One of several processes sharing a database (<c>lede worker</c>): claims due sources and fetches their feeds, queues
/// their new items' pages, claims queued pages and reads them, and stores the articles through the story stages.
/// </summary>
/// <remarks>
/// Sources and pages are claimed under leases, so a dead worker's work lapses to the others. The story stages run
/// under one named lease: one worker at a time assigns stories, in publication order within its batch, and a worker
/// whose curator memory may be stale (another took a turn since its own) rebuilds it from the store first.
/// </remarks>
public sealed class Worker(IStore store, IWorkQueue queue, FeedHarvester feeds, ArticleBuilder articles, SourceScheduler scheduler, TimeProvider clock)
{
    /// <summary>The lease under which stories are assigned.</summary>
    public const string StoriesLease = "stories";

    private Curator? _curator;
    private long? _ownTurn;

    /// <summary>Names this worker in its leases.</summary>
    public string Owner { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <value>Default: 2 minutes; work held longer by a silent worker goes to another.</value>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <value>Default: 4 sources per turn.</value>
    public int SourcesPerTurn { get; init; } = 4;

    /// <value>Default: 32 pages per turn.</value>
    public int PagesPerTurn { get; init; } = 32;

    /// <value>Default: 4 pages read at once; the fetcher still limits each host.</value>
    public int ItemParallelism { get; init; } = 4;

    /// <summary>Opens the story stages (warmed from the store); the CLI gives it the key and the publishing rules.</summary>
    public Func<CancellationToken, Task<Curator>> OpenCurator { get; init; } =
        ct => Curator.OpenAsync(store, null, CuratorOptions.Default, clock, ct);

    /// <summary>Runs turns until <paramref name="ct"/> is cancelled, or (with <paramref name="untilIdle"/>) until nothing is due or queued.</summary>
    /// <param name="untilIdle">Stop when a turn found nothing to do and no work is left anywhere.</param>
    /// <param name="pause">How long to wait after a turn that found nothing.</param>
    /// <param name="onTurn">Hears about each turn that did something.</param>
    /// <param name="onError">Hears about a turn that failed (the database went away, say); the worker waits and carries on.</param>
    /// <param name="ct">Stops the worker between steps.</param>
    public async Task RunAsync(bool untilIdle, TimeSpan pause, Action<WorkerTurn>? onTurn, Action<string>? onError, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            WorkerTurn turn;
            try
            {
                turn = await TurnAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Claims made in the failed turn lapse and are picked up again; nothing stored is lost.
                onError?.Invoke($"worker {Owner}: turn failed: {e.GetType().Name}: {e.Message}");
                await Task.Delay(pause, clock, ct).ConfigureAwait(false);
                continue;
            }

            if (!turn.Idle)
            {
                onTurn?.Invoke(turn);
                continue;
            }

            var (due, queued) = await queue.BacklogAsync(clock.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false);
            if (untilIdle && due == 0 && queued == 0)
            {
                return;
            }

            // Work is left but others hold it (or it is not due): wait, then look again.
            await Task.Delay(pause + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 100)), clock, ct).ConfigureAwait(false);
        }
    }

    /// <summary>One turn: fetch the claimed sources and queue their new pages, then read the claimed pages and store their articles.</summary>
    public async Task<WorkerTurn> TurnAsync(CancellationToken ct)
    {
        var failures = new List<string>();
        var sources = await queue.ClaimSourcesAsync(Owner, clock.GetUtcNow().UtcDateTime, Lease, SourcesPerTurn, ct).ConfigureAwait(false);
        var queued = 0;
        foreach (var source in sources)
        {
            queued += await FetchAsync(source, failures, ct).ConfigureAwait(false);
        }

        var pages = await queue.ClaimPagesAsync(Owner, Lease, PagesPerTurn, ct).ConfigureAwait(false);
        var (added, known) = pages.Count == 0 ? (0, 0) : await ReadPagesAsync(pages, failures, ct).ConfigureAwait(false);
        return new WorkerTurn(sources.Count, queued, pages.Count, added, known, failures);
    }

    /// <summary>Fetches a claimed source, queues its new items and records its state (which lets the claim go).</summary>
    private async Task<int> FetchAsync(Source source, List<string> failures, CancellationToken ct)
    {
        var queued = 0;
        FetchOutcome? outcome;
        try
        {
            var read = await feeds.ReadAsync(source, ct).ConfigureAwait(false);
            if (read.Error is not null)
            {
                failures.Add(read.Error);
            }

            if (read.Feed is { } feed)
            {
                var (fresh, _) = await feeds.FreshItemsAsync(source, feed, new List<string>(), ct).ConfigureAwait(false);
                queued = await queue.EnqueuePagesAsync(source.Id, fresh.Select(f => (f.Link, FreshItemJson.Write(f))).ToList(), ct).ConfigureAwait(false);
            }

            outcome = read.Outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The batch boundary: this source's claim lapses and it is tried again; the others go on.
            failures.Add($"crawling {LogText.Url(source.Url)} failed: {e.GetType().Name}: {LogText.Line(e.Message)}");
            return 0;
        }

        var movedTo = outcome switch
        {
            FetchOutcome.Fetched f => f.Response.MovedTo,
            FetchOutcome.NotModified n => n.Response.MovedTo,
            _ => null,
        };
        var state = scheduler.After(source.State, outcome, clock.GetUtcNow().UtcDateTime);
        await queue.FinishSourceAsync(source.Id, Owner, state, movedTo?.AbsoluteUri, ct).ConfigureAwait(false);
        return queued;
    }

    /// <summary>Reads the claimed pages, then, under the stories lease, stores their articles oldest first.</summary>
    private async Task<(int Added, int Known)> ReadPagesAsync(IReadOnlyList<QueuedPage> pages, List<string> failures, CancellationToken ct)
    {
        var items = new List<(QueuedPage Page, FreshItem Item)>();
        foreach (var page in pages)
        {
            var (item, problem) = FreshItemJson.Read(page.Item);
            if (item is null)
            {
                failures.Add($"queued page {page.Link}: {problem}; dropped");
            }
            else
            {
                items.Add((page, item));
            }
        }

        var warnings = items.Select(_ => (ICollection<string>)new List<string>()).ToList();
        var built = await articles.BuildAllAsync(items.ConvertAll(i => i.Item), ItemParallelism, warnings, ct).ConfigureAwait(false);
        var order = Enumerable.Range(0, items.Count).OrderBy(i => built[i].Record.PublishedDateTime).ThenBy(i => i).ToList();

        await TakeStoriesLeaseAsync(ct).ConfigureAwait(false);
        // Renewed while this turn works, so a slow turn keeps the lease; lost (the process stalled past it and another
        // worker took it), the turn stops before it writes, and its pages are read again.
        using var held = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewStoriesLeaseAsync(held, stopRenewing.Token);
        try
        {
            var curator = await CuratorAsync(held.Token).ConfigureAwait(false);
            var added = 0;
            var links = new List<(ArticleId Id, string Link)>();
            var storyWarnings = new List<string>();
            foreach (var i in order)
            {
                if (await ArticleIntake.AddAsync(store, curator, items[i].Item.Link, built[i], storyWarnings, links, held.Token).ConfigureAwait(false))
                {
                    added++;
                }
            }

            if (!await queue.RenewLeaseAsync(StoriesLease, Owner, Lease, held.Token).ConfigureAwait(false))
            {
                await held.CancelAsync().ConfigureAwait(false);
            }

            var conflicts = await curator.FlushAsync(held.Token).ConfigureAwait(false);
            failures.AddRange(conflicts.Select(c => c.Message));
            failures.AddRange(storyWarnings);
            foreach (var (id, link) in links)
            {
                await store.AddArticleUrlAsync(id, link, ct).ConfigureAwait(false);
            }

            // Only now are the pages done: a worker dying before this line leaves them to be read again, and then
            // found held under their URLs.
            await queue.CompletePagesAsync(pages.Select(p => p.Id).ToList(), ct).ConfigureAwait(false);
            added -= conflicts.Count;
            return (added, items.Count - added);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            _curator = null;
            throw new TimeoutException($"the {StoriesLease} lease lapsed during the turn and another worker took it; its {pages.Count} pages are left to be read again", e);
        }
        catch
        {
            // What the curator remembers may now differ from what was written: rebuild it next turn.
            _curator = null;
            throw;
        }
        finally
        {
            await stopRenewing.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            await queue.ReleaseLeaseAsync(StoriesLease, Owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Renews the stories lease every third of its length until <paramref name="stop"/>; cancels <paramref name="held"/> when it was lost.</summary>
    private async Task RenewStoriesLeaseAsync(CancellationTokenSource held, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, clock, stop).ConfigureAwait(false);
                if (!await queue.RenewLeaseAsync(StoriesLease, Owner, Lease, stop).ConfigureAwait(false))
                {
                    await held.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The turn is over.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The database went away for longer than the store retries: the lease may be lost, so the turn stops.
            await held.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the stories lease; forgets the curator's memory when another worker took a turn since this one's.</summary>
    private async Task TakeStoriesLeaseAsync(CancellationToken ct)
    {
        while (true)
        {
            if (await queue.TryTakeLeaseAsync(StoriesLease, Owner, Lease, ct).ConfigureAwait(false) is { } before)
            {
                if (before != _ownTurn)
                {
                    _curator = null;
                }

                _ownTurn = before + 1;
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50 + Random.Shared.Next(0, 100)), clock, ct).ConfigureAwait(false);
        }
    }

    private async Task<Curator> CuratorAsync(CancellationToken ct) => _curator ??= await OpenCurator(ct).ConfigureAwait(false);
}

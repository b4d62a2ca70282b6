using System.Collections.Concurrent;

namespace Lede.Fetch;

/// <summary>Politeness per host: at most N requests at once, and a least delay between the starts of two.</summary>
/// <remarks>One small slot per host seen, kept for the life of the fetcher (a few hundred bytes per host).</remarks>
internal sealed class HostGate(int concurrency, TimeSpan delay, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the host's turn; disposing the lease lets the next request in.</summary>
    public Task<IDisposable> EnterAsync(string host, CancellationToken ct) => EnterAsync(host, TimeSpan.Zero, ct);

    /// <summary>Waits for the host's turn, at least <paramref name="atLeast"/> after the host's last request (a site's Crawl-delay).</summary>
    public async Task<IDisposable> EnterAsync(string host, TimeSpan atLeast, CancellationToken ct)
    {
        var slot = _slots.GetOrAdd(host, _ => new Slot(concurrency));
        await slot.Running.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Paced even with no spacing: the start is recorded for a later request that asks for one (a Crawl-delay).
            await PaceAsync(slot, atLeast > delay ? atLeast : delay, ct).ConfigureAwait(false);

            return new Lease(slot.Running);
        }
        catch
        {
            slot.Running.Release();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Running.Dispose();
            slot.Pacing.Dispose();
        }
    }

    // One request at a time passes here, and each waits from the moment the one before it actually left, so the
    // spacing holds even when a predecessor was late (a busy thread pool), which booking start times ahead would not.
    private async Task PaceAsync(Slot slot, TimeSpan spacing, CancellationToken ct)
    {
        await slot.Pacing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (slot.LastStart is { } last && spacing > TimeSpan.Zero)
            {
                // Timers count whole (coarse) milliseconds and may fire a little before the precise clock says the
                // spacing is over: wait again until it is, so "at least" holds.
                TimeSpan wait;
                while ((wait = spacing - time.GetElapsedTime(last)) > TimeSpan.Zero)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, ct).ConfigureAwait(false);
                }
            }

            slot.LastStart = time.GetTimestamp();
        }
        finally
        {
            slot.Pacing.Release();
        }
    }

    private sealed class Slot(int concurrency)
    {
        /// <summary>Requests to the host in flight.</summary>
        public SemaphoreSlim Running { get; } = new(concurrency, concurrency);

        /// <summary>Admits one request at a time to the delay.</summary>
        public SemaphoreSlim Pacing { get; } = new(1, 1);

        /// <summary>When the last request left the gate (a <see cref="TimeProvider"/> timestamp); only touched under <see cref="Pacing"/>.</summary>
        public long? LastStart { get; set; }
    }

    private sealed class Lease(SemaphoreSlim running) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                running.Release();
            }
        }
    }
}

using System.Collections.Concurrent;

namespace Lede.Fetch;

/// <summary>Politeness per host: at most N requests at once, and a least delay between the starts of two.</summary>
internal sealed class HostGate(int concurrency, TimeSpan delay, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the host's turn; disposing the lease lets the next request in.</summary>
    public async Task<IDisposable> EnterAsync(string host, CancellationToken ct)
    {
        var slot = _slots.GetOrAdd(host, _ => new Slot(concurrency));
        await slot.Semaphore.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var wait = slot.Reserve(time.GetUtcNow(), delay);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }

            return new Lease(slot.Semaphore);
        }
        catch
        {
            slot.Semaphore.Release();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Semaphore.Dispose();
        }
    }

    private sealed class Slot(int concurrency)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

        public SemaphoreSlim Semaphore { get; } = new(concurrency, concurrency);

        /// <summary>Books the next start time and returns how long to wait for it.</summary>
        /// <remarks>Booking under the lock spaces concurrent requests too, not only consecutive ones.</remarks>
        public TimeSpan Reserve(DateTimeOffset now, TimeSpan delay)
        {
            lock (_lock)
            {
                var start = _nextStart > now ? _nextStart : now;
                _nextStart = start + delay;
                return start - now;
            }
        }
    }

    private sealed class Lease(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Text;

namespace Lede.Fetch;

/// <summary>Each site's robots.txt, fetched once per origin and kept for a day (an hour when it could not be read).</summary>
/// <remarks>
/// RFC 9309's reading of the answer: 2xx gives the rules (the first 512 KiB), 4xx means no rules, and a 5xx, a 429 or a
/// network failure means the whole site is off limits until the next try. Concurrent first fetches of one origin share
/// one request. Bounded: past <see cref="MaxOrigins"/> entries the expired ones go, and then the rest.
/// </remarks>
internal sealed class RobotsCache(Func<Uri, CancellationToken, Task<FetchResponse>> fetch, string productToken, TimeProvider time)
{
    public const int MaxOrigins = 4096;

    private static readonly TimeSpan Fresh = TimeSpan.FromHours(24);
    private static readonly TimeSpan Unreachable = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rules for <paramref name="url"/>'s origin.</summary>
    public async Task<RobotsRules> RulesForAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(origin, out var entry) && entry.Expires > now)
        {
            return (await entry.Rules.WaitAsync(ct).ConfigureAwait(false)).Rules;
        }

        Trim(now);
        var fresh = new Entry(LoadAsync(new Uri(origin + "/robots.txt")), now + Unreachable);
        entry = _entries.AddOrUpdate(origin, fresh, (_, old) => old.Expires > now ? old : fresh);
        var loaded = await entry.Rules.WaitAsync(ct).ConfigureAwait(false);
        if (ReferenceEquals(entry, fresh) && loaded.Read)
        {
            _entries.TryUpdate(origin, fresh with { Expires = now + Fresh }, fresh);
        }

        return loaded.Rules;
    }

    // Not cancelled by the first caller: other callers of the same origin wait on this load too.
    private async Task<(RobotsRules Rules, bool Read)> LoadAsync(Uri robots)
    {
        try
        {
            var response = await fetch(robots, CancellationToken.None).ConfigureAwait(false);
            var text = Encoding.UTF8.GetString(response.Body);
            return (RobotsRules.Parse(text, productToken), true);
        }
        catch (FetchException e) when (e.Status is >= 400 and < 500 and not 429)
        {
            return (RobotsRules.AllowAll, true);
        }
        catch (FetchException)
        {
            return (RobotsRules.DisallowAll, false);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        if (_entries.Count < MaxOrigins)
        {
            return;
        }

        foreach (var (origin, old) in _entries)
        {
            if (old.Expires <= now)
            {
                _entries.TryRemove(origin, out _);
            }
        }

        if (_entries.Count >= MaxOrigins)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(Task<(RobotsRules Rules, bool Read)> Rules, DateTimeOffset Expires);
}

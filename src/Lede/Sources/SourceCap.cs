using Lede.Store;

namespace Lede.Sources;

/// <summary>How many sources one desk follows at most: past it a new source is refused with one clear line (reliability A2), whether added one by one or from OPML.</summary>
/// <param name="store">Where the sources are.</param>
/// <param name="max">The most sources followed at once.</param>
public sealed class SourceCap(IStore store, int max = SourceCap.DefaultMax)
{
    /// <value>Default: 10,000 sources, as many as one OPML import reads.</value>
    public const int DefaultMax = 10_000;

    private HashSet<string>? _followed;

    /// <summary>Adds a source, returns the one already following <paramref name="url"/>, or refuses a new one past the cap (Source null, the reason given).</summary>
    /// <remarks>Counts the sources once, on first use; one cap serves a whole import.</remarks>
    public async Task<(Source? Source, bool Added, string? Refused)> AddAsync(string url, string? title, IReadOnlyList<string> topics, CancellationToken ct)
    {
        _followed ??= (await store.ListSourcesAsync(ct).ConfigureAwait(false)).Select(s => s.Url).ToHashSet(StringComparer.Ordinal);
        if (!_followed.Contains(url) && _followed.Count >= max)
        {
            return (null, false, $"already following {_followed.Count} sources, the most Lede follows ({max}); remove some with 'lede sources remove ID' first");
        }

        var (source, added) = await store.AddSourceAsync(url, title, topics, ct).ConfigureAwait(false);
        _followed.Add(source.Url);
        return (source, added, null);
    }
}

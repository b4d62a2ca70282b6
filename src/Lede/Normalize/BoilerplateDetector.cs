using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Lede.Normalize;

/// <summary>Learns, per provider, descriptions that repeat across its pages ("We are Amnesty International UK…" on every page).</summary>
/// <remarks>
/// State is a list of (domain, fingerprint, distinct-page count) entries, small enough to persist as is.
/// A description is boilerplate once <see cref="Threshold"/> different pages of the provider carried it.
/// Fingerprints ignore case, punctuation and spacing and look at the first 200 letters, so trailing dates or
/// counters do not hide a repeat. Thread-safe.
/// </remarks>
public sealed class BoilerplateDetector
{
    /// <value>Default: 2 different pages; real articles of one site never share a description.</value>
    public int Threshold { get; }

    private readonly Dictionary<(string Domain, ulong Fingerprint), BoilerplateEntry> _entries = [];
    private readonly Lock _lock = new();

    public BoilerplateDetector(int threshold = 2, IEnumerable<BoilerplateEntry>? state = null)
    {
        Threshold = Math.Max(2, threshold);
        foreach (var entry in state ?? [])
        {
            if (entry is not null && !string.IsNullOrEmpty(entry.Domain))
            {
                _entries[(entry.Domain, entry.Fingerprint)] = entry;
            }
        }
    }

    /// <summary>Records that <paramref name="pageUrl"/> of <paramref name="domain"/> carried <paramref name="description"/>; returns whether it is now boilerplate.</summary>
    public bool Observe(string? domain, string? pageUrl, string? description)
    {
        if (string.IsNullOrEmpty(domain) || Fingerprint(description) is not { } print)
        {
            return false;
        }

        var page = Fingerprint(pageUrl) ?? 0;
        lock (_lock)
        {
            var key = (domain, print);
            var entry = _entries.TryGetValue(key, out var old)
                ? old.LastPage == page ? old : old with { Pages = old.Pages + 1, LastPage = page }
                : new BoilerplateEntry(domain, print, 1, page);
            _entries[key] = entry;
            return entry.Pages >= Threshold;
        }
    }

    /// <summary>True when the provider's pages have carried <paramref name="description"/> at least <see cref="Threshold"/> times.</summary>
    public bool IsBoilerplate(string? domain, string? description)
    {
        if (string.IsNullOrEmpty(domain) || Fingerprint(description) is not { } print)
        {
            return false;
        }

        lock (_lock)
        {
            return _entries.TryGetValue((domain, print), out var entry) && entry.Pages >= Threshold;
        }
    }

    /// <summary>The learned state, for the store to persist and pass back to the constructor.</summary>
    public IReadOnlyList<BoilerplateEntry> Snapshot()
    {
        lock (_lock)
        {
            return [.. _entries.Values.OrderBy(e => e.Domain, StringComparer.Ordinal).ThenBy(e => e.Fingerprint)];
        }
    }

    /// <summary>64-bit fingerprint of the letters and digits of the first 200 of them, lowercased; null when there are none.</summary>
    public static ulong? Fingerprint(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var sb = new StringBuilder(200);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                if (sb.Length == 200)
                {
                    break;
                }
            }
        }

        if (sb.Length == 0)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }
}

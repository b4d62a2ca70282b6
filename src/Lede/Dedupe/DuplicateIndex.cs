using System.Numerics;

namespace Lede.Dedupe;

/// <summary>Online duplicate detection over a sliding time window: each arriving article is compared with the
/// indexed ones and either reported as a copy of one of them or indexed itself.</summary>
/// <remarks>
/// <para>Tests, in order of preference: same normalized body; estimated Jaccard ≥ <see cref="DuplicateIndexOptions.MinResemblance"/>
/// (MinHash candidates from LSH banding, 20 bands × 5 rows); containment of the shorter text in the longer ≥
/// <see cref="DuplicateIndexOptions.MinContainment"/>, measured on a fixed 1-in-8 sample of shingles (Broder's
/// MOD-m sample, which keeps "contained in" intact, unlike a bottom-k sketch); simhash within 3 bits (four 16-bit
/// block tables). Short texts only match an identical short text of the same UTC day.</para>
/// <para>A duplicate is not indexed, so a later text is compared with originals only: a chain A ≈ B ≈ C where C
/// does not match A directly leaves C unmatched. Likewise an article older than the window behind the newest one
/// seen may find its originals already evicted. Apart from that, whether two articles match does not depend on
/// the order they arrive in.</para>
/// <para>Not thread-safe: call it from one thread, or lock around it.</para>
/// </remarks>
public sealed partial class DuplicateIndex
{
    internal const int Bands = 20;
    internal const int Rows = TextFingerprint.SignatureLength / Bands;
    private const ulong ShortDomain = 0x53484F5254544558; // keeps short-text hashes apart from body hashes

    private readonly DuplicateIndexOptions _options;
    private readonly List<IndexedText?> _slots = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly PostingTable<ulong> _exact = new();
    private readonly PostingTable<ulong> _bands = new();
    private readonly PostingTable<ulong> _simHashBlocks = new();
    private readonly PostingTable<uint> _samples = new();
    // Oldest first; among equal ages (undated articles) the earliest added, so eviction is deterministic.
    private readonly PriorityQueue<int, (long Age, long Arrival)> _byAge = new();
    private long _arrivals;
    private long _newest;
    private bool _anyDated;
    private long _livePostings;
    private long _deadPostings;

    /// <summary>Creates an empty index.</summary>
    public DuplicateIndex(DuplicateIndexOptions? options = null) => _options = options ?? new DuplicateIndexOptions();

    /// <summary>Articles currently indexed.</summary>
    public int Count => _byId.Count;

    /// <summary>Returns the earlier article this one duplicates, or null after indexing it as an original.</summary>
    /// <param name="id">The article's id; adding an id again replaces the earlier entry.</param>
    /// <param name="fingerprint">Its fingerprint.</param>
    /// <param name="at">Its publication (or discovery) time; a local time is converted to UTC, an unspecified one is taken as UTC.</param>
    /// <remarks>An empty id or a null fingerprint is not indexed and matches nothing. The window follows the newest
    /// time seen, so a date far in the future evicts everything older: pass times clamped to the fetch time.</remarks>
    public DuplicateMatch? Add(string id, TextFingerprint fingerprint, DateTime? at)
    {
        if (string.IsNullOrEmpty(id) || fingerprint is null)
        {
            return null;
        }

        Remove(id);
        var (dated, ticks) = Time(at);
        if (dated && (!_anyDated || ticks > _newest))
        {
            _newest = ticks;
            _anyDated = true;
        }

        var match = FindCore(id, fingerprint, dated, ticks);
        if (match is null)
        {
            Index(new IndexedText(id, fingerprint, dated, ticks, dated ? ticks : _newest));
        }

        Evict();
        return match;
    }

    /// <summary>Returns the indexed article this one duplicates, without indexing it.</summary>
    public DuplicateMatch? Find(string id, TextFingerprint fingerprint, DateTime? at)
    {
        if (fingerprint is null)
        {
            return null;
        }

        var (dated, ticks) = Time(at);
        return FindCore(id ?? string.Empty, fingerprint, dated, ticks);
    }

    /// <summary>Takes an article out of the index (for example when it is deleted); false when it was not there.</summary>
    public bool Remove(string id)
    {
        if (id is null || !_byId.TryGetValue(id, out var slot))
        {
            return false;
        }

        Kill(slot);
        return true;
    }

    private static (bool Dated, long Ticks) Time(DateTime? at) => at is { } t
        ? (true, (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).Ticks)
        : (false, 0);

    private void Index(IndexedText text)
    {
        var slot = _slots.Count;
        _slots.Add(text);
        _byId[text.Id] = slot;
        _byAge.Enqueue(slot, (text.AgeKey, _arrivals++));
        _livePostings += text.Postings;
        var fp = text.Fingerprint;
        if (fp.IsShort)
        {
            _exact.Add(fp.ContentHash ^ ShortDomain, slot);
            return;
        }

        _exact.Add(fp.ContentHash, slot);
        for (var b = 0; b < Bands; b++)
        {
            _bands.Add(BandKey(fp.MinHashValues, b), slot);
        }

        if (fp.SimHash is { } sim)
        {
            for (var b = 0; b < 4; b++)
            {
                _simHashBlocks.Add(BlockKey(sim, b), slot);
            }
        }

        foreach (var s in fp.Samples)
        {
            _samples.Add(s, slot);
        }
    }

    private void Evict()
    {
        var cutoff = _anyDated ? _newest - _options.Window.Ticks : long.MinValue;
        while (_byAge.TryPeek(out var slot, out var age) && (age.Age < cutoff || _byId.Count > _options.MaxArticles))
        {
            _byAge.Dequeue();
            Kill(slot);
        }

        // Postings of evicted articles stay in the tables until they outnumber the live ones: then rebuild.
        if (_deadPostings > 4096 && _deadPostings > _livePostings)
        {
            Compact();
        }
    }

    private void Kill(int slot)
    {
        if (_slots[slot] is not { } text)
        {
            return;
        }

        _slots[slot] = null;
        _byId.Remove(text.Id);
        _livePostings -= text.Postings;
        _deadPostings += text.Postings;
    }

    private void Compact()
    {
        var live = _slots.OfType<IndexedText>().ToList();
        _slots.Clear();
        _byId.Clear();
        _byAge.Clear();
        _exact.Clear();
        _bands.Clear();
        _simHashBlocks.Clear();
        _samples.Clear();
        _livePostings = 0;
        _deadPostings = 0;
        foreach (var text in live)
        {
            Index(text);
        }
    }

    internal static ulong BandKey(uint[] signature, int band)
    {
        var h = (ulong)(band + 1) * 0x9E3779B97F4A7C15;
        for (var r = band * Rows; r < (band + 1) * Rows; r++)
        {
            h = (BitOperations.RotateLeft(h, 23) ^ signature[r]) * 0x9E3779B97F4A7C15;
        }

        return FingerprintHash.Mix(h);
    }

    private static ulong BlockKey(ulong simHash, int block) => ((ulong)block << 16) | ((simHash >> (16 * block)) & 0xFFFF);
}

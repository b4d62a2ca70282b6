using System.Globalization;
using System.Numerics;

namespace Lede.Dedupe;

public sealed partial class DuplicateIndex
{
    // A candidate found by an exact, band or simhash key must be checked whatever its sample count.
    private const int KeyHit = 1 << 20;

    private readonly List<int> _found = [];
    private readonly Dictionary<int, int> _hits = [];

    private DuplicateMatch? FindCore(string id, TextFingerprint fp, bool dated, long ticks)
    {
        _found.Clear();
        _hits.Clear();
        var cap = Math.Max(1, _options.MaxPostingsPerKey);
        if (fp.IsShort)
        {
            _exact.Collect(fp.ContentHash ^ ShortDomain, cap, _found);
            return Best(id, fp, dated, ticks, _found);
        }

        _exact.Collect(fp.ContentHash, cap, _found);
        for (var b = 0; b < Bands; b++)
        {
            _bands.Collect(BandKey(fp.MinHashValues, b), cap, _found);
        }

        if (fp.SimHash is { } sim)
        {
            for (var b = 0; b < 4; b++)
            {
                _simHashBlocks.Collect(BlockKey(sim, b), cap, _found);
            }
        }

        foreach (var slot in _found)
        {
            _hits[slot] = KeyHit;
        }

        // Texts sharing sampled shingles are containment candidates when they share enough of the smaller sample.
        _found.Clear();
        foreach (var s in fp.Samples)
        {
            _samples.Collect(s, cap, _found);
        }

        foreach (var slot in _found)
        {
            _hits[slot] = _hits.GetValueOrDefault(slot) + 1;
        }

        _found.Clear();
        foreach (var (slot, hits) in _hits)
        {
            if (hits >= KeyHit || (hits >= 2 && _slots[slot] is { } other && 2 * hits >= Math.Min(fp.Samples.Length, other.Fingerprint.Samples.Length)))
            {
                _found.Add(slot);
            }
        }

        return Best(id, fp, dated, ticks, _found);
    }

    private DuplicateMatch? Best(string id, TextFingerprint fp, bool dated, long ticks, List<int> candidates)
    {
        DuplicateMatch? best = null;
        var bestAge = long.MaxValue;
        var bestSlot = int.MaxValue;
        foreach (var slot in candidates)
        {
            if (_slots[slot] is not { } other || other.Id == id || (dated && other.Dated && Math.Abs(ticks - other.Ticks) > _options.Window.Ticks))
            {
                continue;
            }

            var match = Judge(fp, dated, ticks, other);
            if (match is not null && (best is null || IsBetter(match, other.Ticks, slot, best, bestAge, bestSlot)))
            {
                (best, bestAge, bestSlot) = (match, other.Ticks, slot);
            }
        }

        return best;
    }

    // Exact beats near; then the more similar; then the earlier (by time, then by arrival): deterministic.
    private static bool IsBetter(DuplicateMatch match, long age, int slot, DuplicateMatch best, long bestAge, int bestSlot)
    {
        var exact = match.Method is DuplicateMethod.ExactText or DuplicateMethod.ExactShortText;
        var bestExact = best.Method is DuplicateMethod.ExactText or DuplicateMethod.ExactShortText;
        if (exact != bestExact)
        {
            return exact;
        }

        return match.Similarity != best.Similarity ? match.Similarity > best.Similarity : age != bestAge ? age < bestAge : slot < bestSlot;
    }

    private DuplicateMatch? Judge(TextFingerprint fp, bool dated, long ticks, IndexedText other)
    {
        var theirs = other.Fingerprint;
        if (fp.IsShort || theirs.IsShort)
        {
            // A headline repeats from day to day ("Morning briefing"): identical and the same UTC day, or nothing.
            var day = new DateTime(ticks, DateTimeKind.Utc).Date;
            return fp.IsShort && theirs.IsShort && fp.ContentHash == theirs.ContentHash && dated && other.Dated && day == new DateTime(other.Ticks, DateTimeKind.Utc).Date
                ? new DuplicateMatch(other.Id, DuplicateMethod.ExactShortText, 1, $"same normalized short text on the same day ({day:yyyy-MM-dd})")
                : null;
        }

        if (fp.ContentHash == theirs.ContentHash && fp.TokenCount == theirs.TokenCount)
        {
            return new DuplicateMatch(other.Id, DuplicateMethod.ExactText, 1, $"same normalized text ({fp.TokenCount} words)");
        }

        var same = fp.MatchingValues(theirs);
        var jaccard = (double)same / TextFingerprint.SignatureLength;
        if (jaccard >= _options.MinResemblance)
        {
            return new DuplicateMatch(other.Id, DuplicateMethod.Resemblance, jaccard, Format($"estimated Jaccard {jaccard:F2} of word 5-shingles ({same} of {TextFingerprint.SignatureLength} MinHash values agree)"));
        }

        if (Containment(fp, theirs) is { } contained)
        {
            return contained with { OfId = other.Id };
        }

        if (fp.SimHash is { } mine && theirs.SimHash is { } simHash && _options.MaxSimHashDistance >= 0)
        {
            var distance = BitOperations.PopCount(mine ^ simHash);
            if (distance <= Math.Min(3, _options.MaxSimHashDistance))
            {
                return new DuplicateMatch(other.Id, DuplicateMethod.SimHash, 1 - (distance / 64.0), Format($"simhash differs in {distance} of 64 bits (estimated Jaccard {jaccard:F2})"));
            }
        }

        return null;
    }

    private DuplicateMatch? Containment(TextFingerprint mine, TextFingerprint theirs)
    {
        // The shorter text is the one with fewer shingles; on a tie, this one.
        var thisIsShorter = mine.ShingleCount <= theirs.ShingleCount;
        var shorter = thisIsShorter ? mine : theirs;
        if (shorter.Samples.Length < Math.Max(1, _options.MinContainmentSamples))
        {
            return null;
        }

        var shared = SharedCount(mine.Samples, theirs.Samples);
        var containment = (double)shared / shorter.Samples.Length;
        if (containment < _options.MinContainment)
        {
            return null;
        }

        var why = thisIsShorter
            ? Format($"{containment:P0} of this text's sampled 5-shingles ({shared} of {shorter.Samples.Length}) are in the earlier one")
            : Format($"{containment:P0} of the earlier text's sampled 5-shingles ({shared} of {shorter.Samples.Length}) are in this one");
        return new DuplicateMatch(string.Empty, thisIsShorter ? DuplicateMethod.ContainedInEarlier : DuplicateMethod.ContainsEarlier, containment, why);
    }

    private static int SharedCount(uint[] a, uint[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

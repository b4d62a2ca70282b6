namespace Lede.Dedupe;

/// <summary>What duplicate detection keeps of one article's text: an exact hash, a MinHash signature, a sample of
/// shingles for containment, and a simhash; deterministic, so it can be stored and compared across runs.</summary>
/// <remarks>Shingles are word 5-grams of the normalized body (<see cref="TextNormalizer"/>). A body under
/// <see cref="ShortTokens"/> tokens is "short": the fingerprint then covers title + body and carries only the exact
/// hash, because MinHash on a headline is noise.</remarks>
public sealed partial class TextFingerprint
{
    /// <summary>Number of MinHash values in a long text's signature.</summary>
    public const int SignatureLength = 100;

    /// <summary>Words per shingle.</summary>
    public const int ShingleSize = 5;

    /// <summary>Below this many tokens a text is short (a title or a teaser): exact matching only.</summary>
    public const int ShortTokens = 20;

    /// <summary>Below this many tokens no simhash is computed: short texts make it noisy.</summary>
    public const int SimHashMinTokens = 50;

    // A shingle is sampled for containment when its top three hash bits are zero: one in eight, and the same
    // shingle is sampled in every text, so a text contained in another has its sample contained in the other's.
    private const int SampleShift = 61;
    private const ulong MinHashSeed = 0x4C454445_44454455; // "LEDEDEDU"

    private static readonly ulong[] Multipliers = Enumerable.Range(0, SignatureLength).Select(i => FingerprintHash.SplitMix(MinHashSeed, i) | 1).ToArray();
    private static readonly ulong[] Offsets = Enumerable.Range(0, SignatureLength).Select(i => FingerprintHash.SplitMix(~MinHashSeed, i)).ToArray();

    private TextFingerprint(int tokenCount, int shingleCount, ulong contentHash, ulong? simHash, uint[] minHash, uint[] samples)
    {
        TokenCount = tokenCount;
        ShingleCount = shingleCount;
        ContentHash = contentHash;
        SimHash = simHash;
        MinHashValues = minHash;
        Samples = samples;
    }

    /// <summary>Tokens in the fingerprinted text (the body, or title + body when the body is short).</summary>
    public int TokenCount { get; }

    /// <summary>Distinct word 5-shingles of a long text; 0 for a short one.</summary>
    public int ShingleCount { get; }

    /// <summary>64-bit hash of the normalized text: equal texts, equal hashes.</summary>
    public ulong ContentHash { get; }

    /// <summary>Charikar simhash of the shingles, or null below <see cref="SimHashMinTokens"/> tokens.</summary>
    public ulong? SimHash { get; }

    /// <summary>True when the text is too short for near-duplicate detection (exact matching only).</summary>
    public bool IsShort => MinHashValues.Length == 0;

    /// <summary>The MinHash signature (<see cref="SignatureLength"/> values), empty for a short text.</summary>
    public IReadOnlyList<uint> MinHash => MinHashValues;

    internal uint[] MinHashValues { get; }

    /// <summary>Sorted distinct low 32 bits of the sampled shingle hashes.</summary>
    internal uint[] Samples { get; }

    /// <summary>Fingerprints an article from its title and body; either may be null or empty.</summary>
    public static TextFingerprint Create(string? title, string? body)
    {
        var bodyText = TextNormalizer.Normalize(body);
        var bodyTokens = Tokenize(bodyText);
        if (bodyTokens.Length >= ShortTokens)
        {
            return FromTokens(bodyText, bodyTokens);
        }

        // A short body: title and body together, so two teasers under different headlines stay apart.
        var text = TextNormalizer.Normalize(string.IsNullOrEmpty(title) ? body : title + "\n" + body);
        var tokens = Tokenize(text);
        return tokens.Length >= ShortTokens ? FromTokens(text, tokens) : new TextFingerprint(tokens.Length, 0, FingerprintHash.Hash(text), null, [], []);
    }

    /// <summary>Fingerprints one text with no title.</summary>
    public static TextFingerprint Create(string? text) => Create(null, text);

    /// <summary>Estimated Jaccard resemblance of the two texts' shingle sets (0 when either is short).</summary>
    public double EstimateJaccard(TextFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return IsShort || other.IsShort ? 0 : (double)MatchingValues(other) / SignatureLength;
    }

    internal int MatchingValues(TextFingerprint other)
    {
        var same = 0;
        for (var i = 0; i < SignatureLength; i++)
        {
            if (MinHashValues[i] == other.MinHashValues[i])
            {
                same++;
            }
        }

        return same;
    }

    private static ulong[] Tokenize(string normalized)
    {
        if (normalized.Length == 0)
        {
            return [];
        }

        // The normalized text has exactly one space between tokens.
        var hashes = new ulong[normalized.AsSpan().Count(' ') + 1];
        var n = 0;
        foreach (var range in normalized.AsSpan().Split(' '))
        {
            hashes[n++] = FingerprintHash.Hash(normalized.AsSpan(range));
        }

        return hashes;
    }

    private static TextFingerprint FromTokens(string normalized, ulong[] tokens)
    {
        var shingles = new ulong[tokens.Length - ShingleSize + 1];
        for (var i = 0; i < shingles.Length; i++)
        {
            shingles[i] = FingerprintHash.Combine(tokens.AsSpan(i, ShingleSize));
        }

        Array.Sort(shingles);
        var distinct = shingles.AsSpan(0, Unique(shingles));
        var simHash = tokens.Length >= SimHashMinTokens ? SimHashOf(distinct) : (ulong?)null;
        return new TextFingerprint(tokens.Length, distinct.Length, FingerprintHash.Hash(normalized), simHash, MinHashOf(distinct), SampleOf(distinct));
    }

    private static int Unique(ulong[] sorted)
    {
        var n = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (n == 0 || sorted[i] != sorted[n - 1])
            {
                sorted[n++] = sorted[i];
            }
        }

        return n;
    }

    private static uint[] MinHashOf(ReadOnlySpan<ulong> shingles)
    {
        var mins = new uint[SignatureLength];
        for (var i = 0; i < mins.Length; i++)
        {
            // Multiply-shift hashing: h_i(x) = high 32 bits of a_i·x + b_i, with a_i odd.
            var (a, b, min) = (Multipliers[i], Offsets[i], uint.MaxValue);
            foreach (var x in shingles)
            {
                min = Math.Min(min, (uint)(((a * x) + b) >> 32));
            }

            mins[i] = min;
        }

        return mins;
    }

    private static ulong SimHashOf(ReadOnlySpan<ulong> shingles)
    {
        // Each bit votes +1 when set, −1 when clear: set in more than half of the shingles wins.
        Span<int> ones = stackalloc int[64];
        foreach (var x in shingles)
        {
            for (var b = 0; b < 64; b++)
            {
                ones[b] += (int)((x >> b) & 1);
            }
        }

        var hash = 0UL;
        for (var b = 0; b < 64; b++)
        {
            if (2 * ones[b] > shingles.Length)
            {
                hash |= 1UL << b;
            }
        }

        return hash;
    }

    private static uint[] SampleOf(ReadOnlySpan<ulong> shingles)
    {
        var sample = new List<uint>();
        foreach (var x in shingles)
        {
            if (x >> SampleShift == 0)
            {
                sample.Add((uint)x);
            }
        }

        sample.Sort();
        var n = 0;
        for (var i = 0; i < sample.Count; i++)
        {
            if (n == 0 || sample[i] != sample[n - 1])
            {
                sample[n++] = sample[i];
            }
        }

        // The count is written as 16 bits; only a text of absurd length reaches the cap.
        return [.. sample.Take(Math.Min(n, ushort.MaxValue))];
    }
}

namespace Lede.Dedupe;

/// <summary>Thresholds and bounds of a <see cref="DuplicateIndex"/>.</summary>
public sealed record DuplicateIndexOptions
{
    /// <summary>Two articles further apart than this in time are never duplicates, and older ones leave the index.</summary>
    /// <value>Default: 7 days.</value>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Minimum estimated Jaccard resemblance of the shingle sets.</summary>
    /// <value>Default: 0.8.</value>
    public double MinResemblance { get; init; } = 0.8;

    /// <summary>Minimum share of the shorter text's sampled shingles found in the longer text.</summary>
    /// <value>Default: 0.8.</value>
    public double MinContainment { get; init; } = 0.8;

    /// <summary>Containment is only judged when the shorter text has at least this many sampled shingles
    /// (one shingle in eight is sampled, so about eight times as many words).</summary>
    /// <value>Default: 12 (roughly 100 words).</value>
    public int MinContainmentSamples { get; init; } = 12;

    /// <summary>Largest simhash Hamming distance (of 64 bits) that counts as a duplicate; at most 3, the limit of
    /// the four block tables.</summary>
    /// <value>Default: 3.</value>
    public int MaxSimHashDistance { get; init; } = 3;

    /// <summary>Most articles kept; past it the oldest leave first, so undated streams stay bounded too.</summary>
    /// <value>Default: 1,000,000.</value>
    public int MaxArticles { get; init; } = 1_000_000;

    /// <summary>Most postings read per key: shingles every text shares (agency footers) stop costing time.</summary>
    /// <value>Default: 64.</value>
    public int MaxPostingsPerKey { get; init; } = 64;
}

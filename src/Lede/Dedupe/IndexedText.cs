namespace Lede.Dedupe;

/// <summary>One article held by a <see cref="DuplicateIndex"/>.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Fingerprint">Its fingerprint.</param>
/// <param name="Dated">Whether it came with a time.</param>
/// <param name="Ticks">UTC ticks of its time, or 0 when undated.</param>
/// <param name="AgeKey">UTC ticks it ages from: its time, or the newest time seen when an undated one was added.</param>
internal sealed record IndexedText(string Id, TextFingerprint Fingerprint, bool Dated, long Ticks, long AgeKey)
{
    /// <summary>Postings this article adds to the tables (for deciding when to compact).</summary>
    public int Postings => Fingerprint.IsShort ? 1 : 1 + DuplicateIndex.Bands + (Fingerprint.SimHash is null ? 0 : 4) + Fingerprint.Samples.Length;
}

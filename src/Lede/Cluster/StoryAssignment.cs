namespace Lede.Cluster;

/// <summary>Where <see cref="StoryClusterer.Add"/> put a document, and why, in lines a person can read (<c>lede explain</c>).</summary>
/// <param name="StoryId">The story the document now belongs to.</param>
/// <param name="Opened">True when the document opened a new story.</param>
/// <param name="Score">The best candidate's combined similarity (0 when there was no candidate).</param>
/// <param name="Why">Short lines: the best candidate's score, the shared terms and entities, the time gap, the second check.</param>
public sealed record StoryAssignment(long StoryId, bool Opened, double Score, IReadOnlyList<string> Why)
{
    /// <summary>Later stories this document's story absorbed as it joined (their articles now belong to <see cref="StoryId"/>); usually empty.</summary>
    /// <remarks>A merged story keeps the earlier id; <see cref="StoryIdMap"/> follows the merges for earlier assignments.</remarks>
    public IReadOnlyList<long> Merged { get; init; } = [];
}

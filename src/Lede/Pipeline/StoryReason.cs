namespace Lede.Pipeline;

/// <summary>The story an article joined or opened, with the clusterer's reasons.</summary>
public sealed record StoryReason(long Id, bool Opened, double Score, IReadOnlyList<string> Why)
{
    /// <summary>Stories merged into <see cref="Id"/> while this article belonged to it (the later story goes into the earlier); null when none.</summary>
    public IReadOnlyList<long>? Absorbed { get; init; }

    /// <summary>One line per merge: which story went into which, when which article bridged them, and why; null when none.</summary>
    public IReadOnlyList<string>? Merges { get; init; }
}

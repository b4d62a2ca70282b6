namespace Lede.Pipeline;

/// <summary>The story an article joined or opened, with the clusterer's reasons.</summary>
public sealed record StoryReason(long Id, bool Opened, double Score, IReadOnlyList<string> Why);

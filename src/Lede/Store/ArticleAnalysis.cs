using Lede.Normalize;

namespace Lede.Store;

/// <summary>What the story stages concluded about an article, kept beside its record.</summary>
/// <param name="StoryId">The story it belongs to; null while not clustered (and always for a copy).</param>
/// <param name="DuplicateOf">The article it is a copy of (syndicated or reposted text), or null.</param>
/// <param name="Explain">Why it got its topics, story, quality, heat and publishing verdict, as JSON for <c>lede explain</c>.</param>
public sealed record ArticleAnalysis(long? StoryId, ArticleId? DuplicateOf, string? Explain)
{
    /// <summary>The parts of the story's heat, one per line, kept with the story (every article of it carries that heat); null leaves them as stored.</summary>
    public string? StoryHeatWhy { get; init; }

    /// <summary>Stories merged into <see cref="StoryId"/> as this article arrived; a store deletes their rows once no article points at them.</summary>
    /// <remarks>An instruction to the save, not a stored fact: read back, it is null. Save it with (or after) the moved articles.</remarks>
    public IReadOnlyList<long>? AbsorbedStories { get; init; }
}

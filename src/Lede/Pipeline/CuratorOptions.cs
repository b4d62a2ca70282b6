using Lede.Decide;

namespace Lede.Pipeline;

/// <summary>How the story stages run: publishing rules, related coverage, the active window, story clustering.</summary>
public sealed record CuratorOptions
{
    /// <summary>No publishing rules, five related articles, a seven-day window.</summary>
    public static CuratorOptions Default { get; } = new();

    /// <value>Default: none (only editors publish).</value>
    public PublishRules Publish { get; init; } = PublishRules.None;

    /// <value>Default: 5 related articles per article.</value>
    public int MaxRelated { get; init; } = Cluster.RelatedLinks.DefaultMax;

    /// <summary>Stories and copies are looked for among articles published this long before the newest.</summary>
    /// <value>Default: 7 days.</value>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);

    /// <value>Default: the story clusterer's own defaults (thresholds measured on the clustering corpora, see README).</value>
    public Cluster.StoryClusterOptions Stories { get; init; } = new();
}

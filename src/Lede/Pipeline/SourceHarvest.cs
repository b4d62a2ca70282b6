using Lede.Sources;

namespace Lede.Pipeline;

/// <summary>What the first, parallel phase of a crawl got from one source: its fetch outcome and its new articles, not yet stored.</summary>
internal sealed class SourceHarvest(Source source)
{
    public Source Source => source;

    /// <summary>The fetch's outcome; null when the source broke unexpectedly (then its state is left as it was).</summary>
    public FetchOutcome? Outcome { get; set; }

    /// <summary>The new items: the link as the feed gave it, and the built article.</summary>
    public List<(string Link, BuiltArticle Article)> Articles { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Links that led to an article of this pass already waiting to be written.</summary>
    public List<(Normalize.ArticleId Id, string Link)> LinksToHeld { get; } = [];

    public int Known { get; set; }

    public int Added { get; set; }

    public string? Error { get; set; }

    /// <summary>The report so far (new = built, before the second phase stores them).</summary>
    public SourceReport Preview() => new(source.Id, source.Url, Articles.Count, Known, Error, Warnings);

    /// <summary>The final report.</summary>
    public SourceReport Report() => new(source.Id, source.Url, Added, Known, Error, Warnings);
}

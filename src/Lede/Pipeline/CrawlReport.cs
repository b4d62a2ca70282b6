namespace Lede.Pipeline;

/// <summary>What one crawl pass did.</summary>
public sealed record CrawlReport(int Sources, int NewArticles, int Known, int Failed, IReadOnlyList<SourceReport> PerSource)
{
    /// <summary>The summary line.</summary>
    public override string ToString()
        => $"crawled {Sources} sources: {NewArticles} new articles, {Known} already known, {Failed} sources failed";
}

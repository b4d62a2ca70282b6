namespace Lede.Pipeline;

/// <summary>What a crawl did with one source: new and known items, or the error, plus what it recovered from.</summary>
public sealed record SourceReport(long SourceId, string Url, int NewArticles, int Known, string? Error, IReadOnlyList<string> Warnings)
{
    public bool Failed => Error is not null;
}

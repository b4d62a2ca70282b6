namespace Lede.Records;

/// <summary>A snapshot of another article of the same story, as it stood when the record was written.</summary>
public sealed record RelatedEntry
{
    public required string Title { get; init; }
    public required string Excerpt { get; init; }
    public required DateTime PublishedDateTime { get; init; }
    public required string WebUrl { get; init; }
    public string? AmpWebUrl { get; init; }
    public string? CdnAmpWebUrl { get; init; }
    public ArticleType Type { get; init; } = ArticleType.Article;
    public required ProviderRef Provider { get; init; }
    public int Quality { get; init; }
    public IReadOnlyList<RecordImage> Images { get; init; } = [];
}

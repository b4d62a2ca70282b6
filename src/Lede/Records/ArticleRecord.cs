namespace Lede.Records;

/// <summary>One curated article as the record format holds it (spec/FORMAT.md), field for field.</summary>
/// <remarks>
/// Text is kept exactly as it was received: writing a record that was read gives the same bytes.
/// Optional fields are null and empty sections are empty lists; the writer leaves both out.
/// </remarks>
public sealed record ArticleRecord
{
    /// <summary>The record kind.</summary>
    /// <value>Default: news.</value>
    public string Category { get; init; } = "news";
    public required string Title { get; init; }
    public required string Excerpt { get; init; }
    /// <summary>Publication time in UTC, whole seconds.</summary>
    public required DateTime PublishedDateTime { get; init; }
    /// <summary>The URL as first seen at the source.</summary>
    public required string OriginalUrl { get; init; }
    /// <summary>The canonical article URL.</summary>
    public required string WebUrl { get; init; }
    public string? AmpWebUrl { get; init; }
    public string? CdnAmpWebUrl { get; init; }
    public ArticleType Type { get; init; } = ArticleType.Article;
    /// <summary>Quality score, 0 to 100.</summary>
    public int Quality { get; init; }
    /// <summary>Heat, 0 or more, or -1 while not known.</summary>
    public int Heat { get; init; } = -1;
    /// <summary>The editorial decision.</summary>
    public bool Published { get; init; }
    public required ProviderRef Provider { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<RecordImage> Images { get; init; } = [];
    public IReadOnlyList<RelatedEntry> Related { get; init; } = [];
    public SecuredValue? Secured { get; init; }
    /// <summary>Everything after the closing <c>---</c> line, verbatim.</summary>
    /// <value>Default: one empty line, as in every sample record.</value>
    public string Body { get; init; } = "\n";
}

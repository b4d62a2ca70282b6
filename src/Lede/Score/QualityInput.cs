namespace Lede.Score;

/// <summary>What quality scoring looks at in one article; every field may be missing or odd.</summary>
/// <remarks>Built by the pipeline from the normalized article, its page facts and the dedupe result.</remarks>
public sealed record QualityInput
{
    /// <summary>The provider's registrable domain (<c>bbc.co.uk</c>), or null.</summary>
    public string? Domain { get; init; }

    /// <summary>The provider's tier from the providers file, 1 (best) … 5; null when the file does not rate it.</summary>
    public int? Tier { get; init; }

    /// <summary>The article URL; its path can say sponsored or opinion (<c>/sponsored/</c>, <c>/opinion/</c>).</summary>
    public string? Url { get; init; }

    /// <summary>The headline.</summary>
    public string? Title { get; init; }

    /// <summary>The chosen excerpt.</summary>
    public string? Excerpt { get; init; }

    /// <summary>True when the excerpt is the site's boilerplate description rather than about this article.</summary>
    public bool ExcerptIsBoilerplate { get; init; }

    /// <summary>The extracted main text; empty when extraction gave nothing.</summary>
    public string? FullText { get; init; }

    /// <summary>True when the page or feed names an author.</summary>
    public bool HasAuthor { get; init; }

    /// <summary>True when the page or feed gives a publication date.</summary>
    public bool HasPublishedDate { get; init; }

    /// <summary>The lead image, or null when the article has none.</summary>
    public QualityImage? LeadImage { get; init; }

    /// <summary>True when the article is a near-duplicate of an earlier article by another provider (wire copy).</summary>
    public bool IsWireCopy { get; init; }

    /// <summary>The provider of the earlier article it copies (<c>AP</c>, <c>apnews.com</c>), when known.</summary>
    public string? WireSource { get; init; }

    /// <summary>The description as the page or feed wrote it (sponsored disclosures often sit there).</summary>
    public string? RawDescription { get; init; }

    /// <summary>Section and category labels: feed categories, <c>article:section</c>, JSON-LD <c>articleSection</c> and <c>@type</c>.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>Editors' decisions on this provider so far, or null when there are none to learn from.</summary>
    public ProviderDecisions? Decisions { get; init; }
}

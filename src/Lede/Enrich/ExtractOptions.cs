namespace Lede.Enrich;

/// <summary>Settings of <see cref="ArticleExtractor"/>.</summary>
public sealed record ExtractOptions
{
    /// <summary>Time allowed per page; past it the extractor returns the best text it has and a warning.</summary>
    /// <value>Default: 2 seconds.</value>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(2);

    // The work done before the deadline may cut in (see Deadline); tests lower it to reach the deadline on a small page.
    internal int DeadlineFloor { get; init; } = Enrich.Deadline.MinimumChecks;

    /// <summary>A first result shorter than this tries the next method in the cascade.</summary>
    /// <value>Default: 250 characters.</value>
    public int MinTextLength { get; init; } = 250;

    /// <summary>Produce the sanitized HTML of the main content as well as its text.</summary>
    /// <value>Default: true.</value>
    public bool IncludeHtml { get; init; } = true;
}

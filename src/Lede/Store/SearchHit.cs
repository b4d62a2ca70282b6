using Lede.Normalize;

namespace Lede.Store;

/// <summary>One article a search found, best first, with a snippet whose matched words sit between <see cref="MarkStart"/> and <see cref="MarkEnd"/>.</summary>
/// <param name="Id">The article.</param>
/// <param name="Title">Its title.</param>
/// <param name="WebUrl">Its canonical URL.</param>
/// <param name="ProviderName">Who published it.</param>
/// <param name="PublishedAt">When (UTC).</param>
/// <param name="Published">Whether Lede publishes it.</param>
/// <param name="Rank">Higher is better; comparable only within one search (BM25 on SQLite, ts_rank on PostgreSQL).</param>
/// <param name="Snippet">Plain text (not HTML) around the best match, the matches marked; callers encode it for their output.</param>
public sealed record SearchHit(
    ArticleId Id, string Title, string WebUrl, string ProviderName, DateTime PublishedAt, bool Published, double Rank, string Snippet)
{
    /// <summary>Starts a matched word in <see cref="Snippet"/> (a control character no cleaned text contains).</summary>
    public const char MarkStart = '\u0002';

    /// <summary>Ends a matched word in <see cref="Snippet"/>.</summary>
    public const char MarkEnd = '\u0003';
}

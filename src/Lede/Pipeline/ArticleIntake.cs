using Lede.Normalize;
using Lede.Store;

namespace Lede.Pipeline;

/// <summary>The last step of an article's way, shared by <c>lede crawl</c> and <c>lede worker</c>: through the story stages into the store, once.</summary>
internal static class ArticleIntake
{
    /// <summary>Curates a built article unless one is already held (or waiting) under its URL; true when it is new.</summary>
    /// <param name="store">Where articles are.</param>
    /// <param name="curator">The story stages; it writes the article at its next flush.</param>
    /// <param name="link">The item's link as its feed gave it.</param>
    /// <param name="article">The built article.</param>
    /// <param name="warnings">Receives a story-stage failure (the article is then stored as built).</param>
    /// <param name="linksToHeld">Receives links to articles waiting in the curator, to remember once they are written.</param>
    /// <param name="ct">Cancels the store calls.</param>
    public static async Task<bool> AddAsync(
        IStore store, Curator curator, string link, BuiltArticle article, ICollection<string> warnings, ICollection<(ArticleId Id, string Link)> linksToHeld, CancellationToken ct)
    {
        var record = article.Record;
        var id = ArticleId.FromUrl(record.WebUrl);
        if (curator.Holds(id))
        {
            // Two links lead to one canonical page: the link is remembered once the article is written.
            linksToHeld.Add((id, link));
            return false;
        }

        if (await store.FindArticleByUrlAsync(record.WebUrl, ct).ConfigureAwait(false) is { } held)
        {
            // Another link to an article already held: remember the link, so the next pass need not read the page again.
            await store.AddArticleUrlAsync(held, link, ct).ConfigureAwait(false);
            return false;
        }

        try
        {
            await curator.AddAsync(id, article, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (OperationCanceledException or IOException or System.Data.Common.DbException))
        {
            // The story stages failed on this article: store it as built, so nothing read is lost.
            warnings.Add($"other: {record.WebUrl}: the story stages failed ({e.GetType().Name}: {e.Message}); stored without them");
            await store.SaveRecordAsync(id, record, article.Seal, ct).ConfigureAwait(false);
        }

        return true;
    }
}

using Lede.Records;
using Lede.Store;

namespace Lede.Storage.Sqlite;

// Writing the planned articles table by table, each table's rows in key order.
internal sealed partial class SqliteArticleWriter
{
    private const string IndexRowSql = """
        INSERT INTO article_search (rowid, title, excerpt, provider, topics, facets)
        VALUES ($Seq, CAST($Title AS TEXT), CAST($Excerpt AS TEXT), CAST($Provider AS TEXT), CAST($Topics AS TEXT), CAST($Facets AS TEXT))
        """;

    private const string UnindexSql = SqliteStore.UnindexSql;

    /// <summary>Writes every planned article: a table at a time, each table's rows in key order.</summary>
    /// <remarks>
    /// One article after another, each of its ~17 statements walked a different b-tree, and most of them land on a random
    /// page (the keys are URL hashes and URLs): every statement found its pages cold in the CPU caches, and the article
    /// row cost three times what the same rows cost inserted back to back. A table at a time, in key order, a b-tree's
    /// path stays warm from one row to the next; since migration 008 the child tables' key is the article's import
    /// position, so a batch of new articles appends to each of them. What must come first still does: the search index is told what it held
    /// before an article's row or topics change, rows come before their children (no foreign key is ever outstanding,
    /// so SQLite skips its search for orphans), and the search index row is made last, from the same values as the row and its topics.
    /// </remarks>
    private void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var byKey = _pending.ToArray();
        Array.Sort(byKey, static (a, b) => a.Key.CompareTo(b.Key));
        foreach (var p in byKey)
        {
            if (p.Exists)
            {
                // The index is told what it held before the row and its topics change (migration 006).
                Statement(UnindexSql, "Id").Run(p.Key);
            }
        }

        // The article rows in import position order, their table's key: the new ones append (migration 007).
        var bySeq = _pending.ToArray();
        Array.Sort(bySeq, static (a, b) => a.Seq.CompareTo(b.Seq));
        foreach (var p in bySeq)
        {
            var (_, record, seal, analysis) = p.Article;
            Statement(p.Exists ? UpdateArticleSql : InsertArticleSql, ArticleNames).Run(ArticleValues(p.Key, p.Seq, record, seal, analysis));
        }

        // The child rows are keyed by the article's import position (migration 008): a new article's append.
        foreach (var p in bySeq)
        {
            if (p.Exists)
            {
                Statement("DELETE FROM article_topic WHERE article_seq = $Seq", "Seq").Run(p.Seq);
                Statement("DELETE FROM article_image WHERE article_seq = $Seq", "Seq").Run(p.Seq);
                Statement("DELETE FROM related_snapshot WHERE article_seq = $Seq", "Seq").Run(p.Seq);
            }
        }

        var topic = Statement("INSERT INTO article_topic (article_seq, position, topic_id) VALUES ($Seq, $Position, $Topic)", "Seq", "Position", "Topic");
        foreach (var p in bySeq)
        {
            for (var i = 0; i < p.Topics.Length; i++)
            {
                topic.Run(p.Seq, i, p.Topics[i]);
            }
        }

        var image = Statement(ImageSql, "Seq", "Position", "Url", "Width", "Height", "IsCached");
        foreach (var p in bySeq)
        {
            var images = p.Article.Record.Images;
            for (var i = 0; i < images.Count; i++)
            {
                var (url, width, height, isCached) = images[i];
                image.Run(p.Seq, i, url, width, height, isCached);
            }
        }

        InsertRelated(bySeq);

        // In the batch's order: a URL two articles of the batch share stays with the first, as if saved one by one.
        foreach (var p in _pending)
        {
            RememberUrls(p.Seq, p.Article.Record);
        }

        // The search index rows, once per saved article (migration 005 says why not triggers), made from the batch's own
        // records as the view would give them (SqliteSearchRow); in import position order, the index's own key.
        var index = Statement(IndexRowSql, "Seq", "Title", "Excerpt", "Provider", "Topics", "Facets");
        foreach (var p in bySeq)
        {
            var r = p.Article.Record;
            index.Run(
                p.Seq, r.Title, r.Excerpt, r.Provider.Name, SqliteSearchRow.Topics(r.Topics),
                SqliteSearchRow.Facets(r.Published, StoredTime.Format(r.PublishedDateTime), p.Topics));
        }

        _pending.Clear();
        _pendingIds.Clear();
        _pendingWebUrls.Clear();
    }

    private void InsertRelated(PlannedArticle[] bySeq)
    {
        var related = Statement(RelatedSql, RelatedNames);
        foreach (var p in bySeq)
        {
            var entries = p.Article.Record.Related;
            for (var i = 0; i < entries.Count; i++)
            {
                var r = entries[i];
                related.Run(
                    p.Seq, i, r.Title, r.Excerpt, StoredTime.Format(r.PublishedDateTime), r.WebUrl, r.AmpWebUrl, r.CdnAmpWebUrl,
                    StoredType.Format(r.Type), r.Provider.Name, r.Provider.Domain, r.Quality);
            }
        }

        var relatedImage = Statement(RelatedImageSql, "Seq", "Related", "Position", "Url", "Width", "Height", "IsCached");
        foreach (var p in bySeq)
        {
            var entries = p.Article.Record.Related;
            for (var i = 0; i < entries.Count; i++)
            {
                for (var n = 0; n < entries[i].Images.Count; n++)
                {
                    var (url, width, height, isCached) = entries[i].Images[n];
                    relatedImage.Run(p.Seq, i, n, url, width, height, isCached);
                }
            }
        }
    }

    /// <summary>Adds the record's URLs to the ones its article is known by; a URL another article already holds stays with it.</summary>
    private void RememberUrls(long seq, ArticleRecord record)
    {
        var url = Statement(UrlSql, "Hash", "Url", "Seq");
        url.Run(SqliteUrlHash.Of(record.WebUrl), record.WebUrl, seq);
        if (record.OriginalUrl != record.WebUrl)
        {
            url.Run(SqliteUrlHash.Of(record.OriginalUrl), record.OriginalUrl, seq);
        }

        if (record.AmpWebUrl is { } amp && amp != record.WebUrl && amp != record.OriginalUrl)
        {
            url.Run(SqliteUrlHash.Of(amp), amp, seq);
        }
    }

    /// <summary>An article <see cref="Save"/> has decided to write: its key, import position, whether it is stored already, and its topics' ids.</summary>
    private sealed record PlannedArticle(long Key, long Seq, bool Exists, StoredRecord Article, long[] Topics);
}

using Dapper;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

/// <summary>Writes articles inside one open write transaction, each statement prepared once for the whole batch.</summary>
/// <remarks>
/// Everything that can refuse an article (its <c>webUrl</c> held by another) is checked before its first write, so a
/// refused article leaves nothing behind and the batch goes on without a savepoint. Per batch it remembers the
/// providers and topics it has ensured, and updates each touched story's provider count once, in <see cref="Finish"/>.
/// </remarks>
internal sealed partial class SqliteArticleWriter(SqliteTransaction tx) : IDisposable
{
    private readonly string _now = StoredTime.Format(DateTime.UtcNow);
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);
    private readonly HashSet<string> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<long> _stories = [];
    private bool _deferred;
    private long? _lastSeq;

    /// <summary>Stores one article with its children, URLs and analysis.</summary>
    /// <exception cref="ArticleConflictException">Another article holds its <c>webUrl</c>; nothing was written.</exception>
    public SaveOutcome Save(StoredRecord article)
    {
        var (id, record, seal, analysis) = article;
        if (seal is not null && seal.Value != record.Secured)
        {
            throw new ArgumentException("the seal is for another secured value than the record's", nameof(article));
        }

        var key = id.ToInt64();
        if (!_deferred)
        {
            // Foreign keys are checked when the transaction commits (SQLite turns this off again at its end).
            Statement("PRAGMA defer_foreign_keys = ON").Run();
            _deferred = true;
        }

        if (Statement(HolderSql, "WebUrl", "Id").Scalar(record.WebUrl, key) is long other)
        {
            throw new ArticleConflictException(id, ArticleId.FromInt64(other), record.WebUrl);
        }

        var seq = Statement("SELECT seq FROM article WHERE id = $Id", "Id").Scalar(key) as long?;
        var exists = seq is not null;
        if (exists && IsUnchanged(article))
        {
            return SaveOutcome.Unchanged;
        }

        if (_providers.Add(record.Provider.Domain))
        {
            Statement(ProviderSql, "Domain", "Name").Run(record.Provider.Domain, record.Provider.Name);
        }

        if (analysis?.StoryId is { } story)
        {
            // The story row first: the article's story_id refers to it.
            Statement(StorySql, "Story", "At", "Heat", "Why").Run(story, StoredTime.Format(record.PublishedDateTime), record.Heat, analysis.StoryHeatWhy);
            _stories.Add(story);
        }

        if (exists)
        {
            // The index is told what it held before the row and its topics change (migration 006).
            Statement(UnindexSql, "Id").Run(key);
            Statement(UpsertArticleSql, UpsertArticleNames).Run(ArticleValues(key, seq!.Value, record, seal, analysis));
            Statement("DELETE FROM article_topic WHERE article_id = $Id", "Id").Run(key);
            Statement("DELETE FROM article_image WHERE article_id = $Id", "Id").Run(key);
            Statement("DELETE FROM related_snapshot WHERE article_id = $Id", "Id").Run(key);
        }
        else
        {
            // The row before its children: with every parent in place, no foreign key is ever outstanding, and SQLite
            // skips the search for orphans it would otherwise make on each article insert.
            Statement(UpsertArticleSql, UpsertArticleNames).Run(ArticleValues(key, NextSeq(), record, seal, analysis));
        }

        InsertTopics(key, record);
        InsertChildren(key, record);
        RememberUrls(key, record);
        // The search index row, once per saved article, from the row and its topics (migration 005 says why not triggers).
        Statement(IndexSql, "Id").Run(key);
        return exists ? SaveOutcome.Updated : SaveOutcome.Inserted;
    }

    private const string IndexSql = SqliteStore.IndexSql;

    private const string UnindexSql = SqliteStore.UnindexSql;

    /// <summary>Brings the stories the batch touched up to date; call once, before committing.</summary>
    public void Finish()
    {
        foreach (var story in _stories)
        {
            Statement(StoryProvidersSql, "Story").Run(story);
        }

        _stories.Clear();
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }
    }

    /// <summary>Whether the stored article is already exactly <paramref name="article"/> (record, seal, and analysis when given).</summary>
    private bool IsUnchanged(StoredRecord article)
    {
        var connection = tx.Connection!;
        var existing = connection.Query<ArticleRow>($"{ArticleRow.Select} WHERE id = @Id", new { Id = article.Id.ToInt64() }, tx).AsList();
        return existing[0].ToSeal() == article.Seal
            && (article.Analysis is null || existing[0].ToAnalysis() == article.Analysis)
            && RecordWriter.Write(SqliteStore.Assemble(connection, existing, tx)[0].Record) == RecordWriter.Write(article.Record);
    }

    private void InsertTopics(long key, ArticleRecord record)
    {
        for (var i = 0; i < record.Topics.Count; i++)
        {
            Statement("INSERT INTO article_topic (article_id, position, topic_id) VALUES ($Id, $Position, $Topic)", "Id", "Position", "Topic")
                .Run(key, i, TopicId(record.Topics[i]));
        }
    }

    private void InsertChildren(long key, ArticleRecord record)
    {
        var image = Statement(ImageSql, "Id", "Position", "Url", "Width", "Height", "IsCached");
        for (var i = 0; i < record.Images.Count; i++)
        {
            var (url, width, height, isCached) = record.Images[i];
            image.Run(key, i, url, width, height, isCached);
        }

        for (var i = 0; i < record.Related.Count; i++)
        {
            var r = record.Related[i];
            Statement(RelatedSql, RelatedNames).Run(
                key, i, r.Title, r.Excerpt, StoredTime.Format(r.PublishedDateTime), r.WebUrl, r.AmpWebUrl, r.CdnAmpWebUrl,
                StoredType.Format(r.Type), r.Provider.Name, r.Provider.Domain, r.Quality);
            var relatedImage = Statement(RelatedImageSql, "Id", "Related", "Position", "Url", "Width", "Height", "IsCached");
            for (var n = 0; n < r.Images.Count; n++)
            {
                var (url, width, height, isCached) = r.Images[n];
                relatedImage.Run(key, i, n, url, width, height, isCached);
            }
        }
    }

    /// <summary>Adds the record's URLs to the ones its article is known by; a URL another article already holds stays with it.</summary>
    private void RememberUrls(long key, ArticleRecord record)
    {
        var url = Statement("INSERT INTO article_url (url, article_id) VALUES (CAST($Url AS TEXT), $Id) ON CONFLICT (url) DO NOTHING", "Url", "Id");
        url.Run(record.WebUrl, key);
        if (record.OriginalUrl != record.WebUrl)
        {
            url.Run(record.OriginalUrl, key);
        }

        if (record.AmpWebUrl is { } amp && amp != record.WebUrl && amp != record.OriginalUrl)
        {
            url.Run(amp, key);
        }
    }

    private long TopicId(string name)
    {
        if (!_topics.TryGetValue(name, out var id))
        {
            Statement("INSERT INTO topic (name) VALUES (CAST($Name AS TEXT)) ON CONFLICT (name) DO NOTHING", "Name").Run(name);
            id = (long)Statement("SELECT id FROM topic WHERE name = CAST($Name AS TEXT)", "Name").Scalar(name)!;
            _topics[name] = id;
        }

        return id;
    }

    /// <summary>The next import position: counted here from the highest one stored when the transaction first needs one.</summary>
    /// <remarks>
    /// The write transaction holds the write lock, so no one else takes a position meanwhile. A <c>MAX(seq)</c> wrapped
    /// in an expression inside the insert would not be SQLite's one-step min/max lookup but a walk of the whole seq
    /// index, once per article: quadratic in the store's size.
    /// </remarks>
    private long NextSeq()
    {
        _lastSeq = (_lastSeq ?? Statement("SELECT MAX(seq) FROM article").Scalar() as long? ?? 0) + 1;
        return _lastSeq.Value;
    }

    private object?[] ArticleValues(long key, long seq, ArticleRecord r, SealedPayload? seal, ArticleAnalysis? analysis) =>
    [
        key, seq, r.Category, r.Title, r.Excerpt, StoredTime.Format(r.PublishedDateTime), r.OriginalUrl, r.WebUrl, r.AmpWebUrl,
        r.CdnAmpWebUrl, StoredType.Format(r.Type), r.Quality, r.Heat, r.Published, r.Provider.Domain, r.Provider.Name,
        r.Secured?.Ciphertext, r.Secured?.Iv, seal?.KeyId, seal?.Mac, seal is not null, r.Body, _now,
        analysis is not null, analysis?.StoryId, analysis?.DuplicateOf?.ToInt64(), analysis?.Explain,
    ];

    /// <summary>The statement for <paramref name="sql"/>, prepared on first use in this transaction.</summary>
    private SqliteStatement Statement(string sql, params string[] names)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(tx, sql, names);
            _statements[sql] = statement;
        }

        return statement;
    }
}

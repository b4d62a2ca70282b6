using Dapper;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

/// <summary>Writes articles inside one open write transaction, each statement prepared once for the whole batch.</summary>
/// <remarks>
/// Everything that can refuse an article (its <c>webUrl</c> held by another) is checked before its first write, so a
/// refused article leaves nothing behind and the batch goes on without a savepoint. <see cref="Save"/> decides each
/// article's outcome and takes its import position; the rows themselves are written table by table in
/// <see cref="Finish"/> (or earlier, when a later article depends on them), each table's rows in key order. Per batch it
/// remembers the providers and topics it has ensured, updates each touched story's provider count once, and deletes the
/// rows of stories merged into others once their articles have moved.
/// </remarks>
internal sealed partial class SqliteArticleWriter(SqliteTransaction tx) : IDisposable
{
    private readonly string _now = StoredTime.Format(DateTime.UtcNow);
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);
    private readonly HashSet<string> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<long> _stories = [];
    private readonly HashSet<long> _absorbed = [];
    private readonly List<PlannedArticle> _pending = [];
    private readonly HashSet<long> _pendingIds = [];
    private readonly Dictionary<string, long> _pendingWebUrls = new(StringComparer.Ordinal);
    private bool _deferred;
    private long? _lastSeq;

    /// <summary>Stores one article with its children, URLs and analysis (its rows are written by <see cref="Finish"/> at the latest).</summary>
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

        if (_pendingIds.Contains(key))
        {
            // The same article twice in a batch: the first must be in place before the second compares against it.
            Flush();
        }

        if (Holder(key, record.WebUrl) is { } other)
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
            _absorbed.UnionWith(analysis.AbsorbedStories ?? []);
        }

        var topics = new long[record.Topics.Count];
        for (var i = 0; i < topics.Length; i++)
        {
            topics[i] = TopicId(record.Topics[i]);
        }

        var planned = new PlannedArticle(key, exists ? seq!.Value : NextSeq(), exists, article, topics);
        _pending.Add(planned);
        _pendingIds.Add(key);
        _pendingWebUrls[record.WebUrl] = key;
        return exists ? SaveOutcome.Updated : SaveOutcome.Inserted;
    }

    /// <summary>Writes what is planned and brings the stories the batch touched up to date; call once, before committing.</summary>
    public void Finish()
    {
        Flush();
        foreach (var story in _stories)
        {
            Statement(StoryProvidersSql, "Story").Run(story);
        }

        foreach (var story in _absorbed)
        {
            Statement(AbsorbedStorySql, "Story").Run(story);
        }

        _stories.Clear();
        _absorbed.Clear();
    }

    /// <summary>The article other than <paramref name="key"/> that holds <paramref name="webUrl"/>, counting the planned ones.</summary>
    private long? Holder(long key, string webUrl)
    {
        if (_pendingWebUrls.TryGetValue(webUrl, out var planned))
        {
            return planned == key ? null : planned;
        }

        var hash = SqliteUrlHash.Of(webUrl);
        var holder = Statement(HolderSql, "Hash", "WebUrl", "Id").Scalar(hash, webUrl, key) as long?;
        if (holder is { } stored && _pendingIds.Contains(stored))
        {
            // A planned update may move the holder off this URL: ask again once it is written.
            Flush();
            holder = Statement(HolderSql, "Hash", "WebUrl", "Id").Scalar(hash, webUrl, key) as long?;
        }

        return holder;
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
        key, seq, r.Category, r.Title, r.Excerpt, StoredTime.Format(r.PublishedDateTime), r.OriginalUrl, r.WebUrl, SqliteUrlHash.Of(r.WebUrl), r.AmpWebUrl,
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

using System.Runtime.CompilerServices;
using Dapper;
using Lede.Normalize;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <value>Default: 500 articles per read.</value>
    internal const int ReadBatch = 500;

    public Task<int> CountArticlesAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult(connection.ExecuteScalar<int>("SELECT COUNT(*) FROM article"));
    }

    public Task<long> MaxStoryIdAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult(connection.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) FROM story"));
    }

    public Task<bool> HasArticleAsync(ArticleId id, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult(connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM article WHERE id = @Id)", new { Id = id.ToInt64() }));
    }

    public Task<ArticleId?> FindArticleByUrlAsync(string url, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        // Found by the URL's hash, the URL itself compared (migration 008).
        var id = connection.ExecuteScalar<long?>(
            "SELECT a.id FROM article_url u JOIN article a ON a.seq = u.article_seq WHERE u.url_hash = @Hash AND u.url = CAST(@Url AS TEXT)",
            SqliteText.Parameters(new { Hash = SqliteUrlHash.Of(url), Url = url }));
        return Task.FromResult(id is { } key ? ArticleId.FromInt64(key) : (ArticleId?)null);
    }

    public Task AddArticleUrlAsync(ArticleId id, string url, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            using var connection = Connect();
            // A URL another article holds already stays with it.
            connection.Execute(
                """
                INSERT INTO article_url (url_hash, url, article_seq) SELECT @Hash, CAST(@Url AS TEXT), seq FROM article
                WHERE id = @Id AND NOT EXISTS (SELECT 1 FROM article_url WHERE url_hash = @Hash AND url = CAST(@Url AS TEXT))
                """,
                SqliteText.Parameters(new { Hash = SqliteUrlHash.Of(url), Url = url, Id = id.ToInt64() }));
            return Task.CompletedTask;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Full)
        {
            throw Filled(e);
        }
    }

    public Task<StoredRecord?> FindRecordAsync(ArticleId id, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        using var tx = connection.BeginTransaction(deferred: true);
        var rows = connection.Query<ArticleRow>($"{ArticleRow.Select} WHERE id = @Id", new { Id = id.ToInt64() }, tx).AsList();
        return Task.FromResult(Assemble(connection, rows, tx).FirstOrDefault());
    }

    public async IAsyncEnumerable<StoredRecord> ReadRecordsAsync(RecordOrder order, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = FirstPageKey(order);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            List<StoredRecord> page;
            List<ArticleRow> rows;
            // One read transaction per page, closed before the caller sees it: a slow consumer never holds the database.
            using (var connection = Connect())
            using (var tx = connection.BeginTransaction(deferred: true))
            {
                (rows, page) = ReadPage(connection, tx, order, after);
            }

            foreach (var record in page)
            {
                yield return record;
            }

            if (rows.Count < ReadBatch)
            {
                yield break;
            }

            after = NextPageKey(rows);
            await Task.Yield();
        }
    }

    public Task<IStoreSnapshot> OpenSnapshotAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult<IStoreSnapshot>(SqliteSnapshot.Open(Connect()));
    }

    /// <summary>The key before the first page of <paramref name="order"/>.</summary>
    // '~' sorts after every digit, so the newest-first walk starts past any stored time.
    internal static PageKey FirstPageKey(RecordOrder order) => order == RecordOrder.Newest ? new PageKey("~", long.MaxValue) : new PageKey("", 0L);

    /// <summary>The key after a full page.</summary>
    internal static PageKey NextPageKey(List<ArticleRow> rows) => new(rows[^1].PublishedAt, rows[^1].Seq);

    /// <summary>One keyset page of <see cref="ReadBatch"/> articles after <paramref name="after"/>: memory stays flat however many articles there are.</summary>
    internal static (List<ArticleRow> Rows, List<StoredRecord> Page) ReadPage(SqliteConnection connection, SqliteTransaction tx, RecordOrder order, PageKey after)
    {
        var (where, orderBy) = order switch
        {
            RecordOrder.Published => ("(published_at, seq) > (@At, @Seq)", "published_at, seq"),
            RecordOrder.Newest => ("(published_at, seq) < (@At, @Seq)", "published_at DESC, seq DESC"),
            _ => ("seq > @Seq", "seq"),
        };
        var rows = connection.Query<ArticleRow>($"{ArticleRow.Select} WHERE {where} ORDER BY {orderBy} LIMIT {ReadBatch}", after, tx).AsList();
        return (rows, Assemble(connection, rows, tx));
    }

    /// <summary>Where a keyset page starts: after this publication time and import position.</summary>
    internal sealed record PageKey(string At, long Seq);

    /// <summary>Turns article rows into records, loading the children of all of them at once.</summary>
    internal static List<StoredRecord> Assemble(SqliteConnection connection, List<ArticleRow> rows, SqliteTransaction tx)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        // Child rows are keyed by the article's import position (migration 008).
        var seqs = new { Seqs = rows.Select(r => r.Seq).ToArray() };
        var topics = connection.Query<(long ArticleSeq, string Name)>(
            "SELECT t.article_seq, p.name FROM article_topic t JOIN topic p ON p.id = t.topic_id WHERE t.article_seq IN @Seqs ORDER BY t.article_seq, t.position", seqs, tx)
            .ToLookup(t => t.ArticleSeq, t => t.Name);
        var images = connection.Query<ImageRow>(
            $"SELECT article_seq, -1 AS related_position, {ImageRow.Columns} FROM article_image WHERE article_seq IN @Seqs ORDER BY article_seq, position", seqs, tx)
            .ToLookup(i => i.ArticleSeq, i => i.ToImage());
        var relatedImages = connection.Query<ImageRow>(
            $"SELECT article_seq, related_position, {ImageRow.Columns} FROM related_snapshot_image WHERE article_seq IN @Seqs ORDER BY article_seq, related_position, position", seqs, tx)
            .ToLookup(i => (i.ArticleSeq, i.RelatedPosition), i => i.ToImage());
        var related = connection.Query<RelatedRow>(
            $"{RelatedRow.Select} WHERE article_seq IN @Seqs ORDER BY article_seq, position", seqs, tx)
            .ToLookup(r => r.ArticleSeq, r => r.ToEntry(relatedImages[(r.ArticleSeq, r.Position)].ToList()));

        return rows.ConvertAll(row => new StoredRecord(ArticleId.FromInt64(row.Id), row.ToRecord() with
        {
            Topics = topics[row.Seq].ToList(),
            Images = images[row.Seq].ToList(),
            Related = related[row.Seq].ToList(),
        }, row.ToSeal(), row.ToAnalysis()));
    }
}

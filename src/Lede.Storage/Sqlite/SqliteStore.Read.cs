using System.Runtime.CompilerServices;
using Dapper;
using Lede.Normalize;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <value>Default: 500 articles per read.</value>
    private const int ReadBatch = 500;

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
        var id = connection.ExecuteScalar<long?>(
            "SELECT article_id FROM article_url WHERE url = CAST(@Url AS TEXT)", SqliteText.Parameters(new { Url = url }));
        return Task.FromResult(id is { } key ? ArticleId.FromInt64(key) : (ArticleId?)null);
    }

    public Task AddArticleUrlAsync(ArticleId id, string url, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        connection.Execute(
            "INSERT INTO article_url (url, article_id) SELECT CAST(@Url AS TEXT), id FROM article WHERE id = @Id ON CONFLICT (url) DO NOTHING",
            SqliteText.Parameters(new { Url = url, Id = id.ToInt64() }));
        return Task.CompletedTask;
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
        // Keyset pages: memory stays flat however many articles there are.
        var (where, orderBy) = order switch
        {
            RecordOrder.Published => ("(published_at, seq) > (@At, @Seq)", "published_at, seq"),
            RecordOrder.Newest => ("(published_at, seq) < (@At, @Seq)", "published_at DESC, seq DESC"),
            _ => ("seq > @Seq", "seq"),
        };
        // '~' sorts after every digit, so the newest-first walk starts past any stored time.
        var after = order == RecordOrder.Newest ? new { At = "~", Seq = long.MaxValue } : new { At = "", Seq = 0L };
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            List<StoredRecord> page;
            List<ArticleRow> rows;
            // One read transaction per page, closed before the caller sees it: a slow consumer never holds the database.
            using (var connection = Connect())
            using (var tx = connection.BeginTransaction(deferred: true))
            {
                rows = connection.Query<ArticleRow>($"{ArticleRow.Select} WHERE {where} ORDER BY {orderBy} LIMIT {ReadBatch}", after, tx).AsList();
                page = Assemble(connection, rows, tx);
            }

            foreach (var record in page)
            {
                yield return record;
            }

            if (rows.Count < ReadBatch)
            {
                yield break;
            }

            after = new { At = rows[^1].PublishedAt, Seq = rows[^1].Seq };
            await Task.Yield();
        }
    }

    /// <summary>Turns article rows into records, loading the children of all of them at once.</summary>
    internal static List<StoredRecord> Assemble(SqliteConnection connection, List<ArticleRow> rows, SqliteTransaction tx)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = new { Ids = rows.Select(r => r.Id).ToArray() };
        var topics = connection.Query<(long ArticleId, string Name)>(
            "SELECT t.article_id, p.name FROM article_topic t JOIN topic p ON p.id = t.topic_id WHERE t.article_id IN @Ids ORDER BY t.article_id, t.position", ids, tx)
            .ToLookup(t => t.ArticleId, t => t.Name);
        var images = connection.Query<ImageRow>(
            $"SELECT article_id, -1 AS related_position, {ImageRow.Columns} FROM article_image WHERE article_id IN @Ids ORDER BY article_id, position", ids, tx)
            .ToLookup(i => i.ArticleId, i => i.ToImage());
        var relatedImages = connection.Query<ImageRow>(
            $"SELECT article_id, related_position, {ImageRow.Columns} FROM related_snapshot_image WHERE article_id IN @Ids ORDER BY article_id, related_position, position", ids, tx)
            .ToLookup(i => (i.ArticleId, i.RelatedPosition), i => i.ToImage());
        var related = connection.Query<RelatedRow>(
            $"{RelatedRow.Select} WHERE article_id IN @Ids ORDER BY article_id, position", ids, tx)
            .ToLookup(r => r.ArticleId, r => r.ToEntry(relatedImages[(r.ArticleId, r.Position)].ToList()));

        return rows.ConvertAll(row => new StoredRecord(ArticleId.FromInt64(row.Id), row.ToRecord() with
        {
            Topics = topics[row.Id].ToList(),
            Images = images[row.Id].ToList(),
            Related = related[row.Id].ToList(),
        }, row.ToSeal(), row.ToAnalysis()));
    }
}

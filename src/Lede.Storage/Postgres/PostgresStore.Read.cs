using System.Runtime.CompilerServices;
using Lede.Normalize;
using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <value>Default: 500 articles per read.</value>
    internal const int ReadBatch = 500;

    public Task<int> CountArticlesAsync(CancellationToken ct)
        => InTransactionAsync(async s => (int)(await s.ScalarAsync<long>("SELECT COUNT(*) FROM article").ConfigureAwait(false)), ct);

    public Task<long> MaxStoryIdAsync(CancellationToken ct)
        => InTransactionAsync(s => s.ScalarAsync<long>("SELECT COALESCE(MAX(id), 0) FROM story"), ct);

    public Task<bool> HasArticleAsync(ArticleId id, CancellationToken ct)
        => InTransactionAsync(s => s.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM article WHERE id = @Id)", new { Id = id.ToInt64() }), ct);

    public Task<ArticleId?> FindArticleByUrlAsync(string url, CancellationToken ct)
        => InTransactionAsync(async s =>
        {
            var id = await s.ScalarAsync<long?>(
                "SELECT article_id FROM article_url WHERE lede_key(url) = lede_key(@Url) AND url = @Url", new { Url = T.Encode(url) }).ConfigureAwait(false);
            return id is { } key ? ArticleId.FromInt64(key) : (ArticleId?)null;
        }, ct);

    public Task AddArticleUrlAsync(ArticleId id, string url, CancellationToken ct)
        => InTransactionAsync(s => s.ExecuteAsync(
            "INSERT INTO article_url (url, article_id) SELECT @Url, id FROM article WHERE id = @Id ON CONFLICT ((lede_key(url))) DO NOTHING",
            new { Url = T.Encode(url), Id = id.ToInt64() }), ct);

    public Task<StoredRecord?> FindRecordAsync(ArticleId id, CancellationToken ct)
        => InTransactionAsync(async s => (await ReadPageAsync(s, "WHERE a.id = @Id", new { Id = id.ToInt64() }).ConfigureAwait(false)).Records.FirstOrDefault(), ct);

    public async IAsyncEnumerable<StoredRecord> ReadRecordsAsync(RecordOrder order, [EnumeratorCancellation] CancellationToken ct)
    {
        object? after = null;
        while (true)
        {
            // One transaction per page, closed before the caller sees it: a slow consumer never holds the database.
            var (rows, page) = await InTransactionAsync(s => ReadPageAsync(s, order, after), ct).ConfigureAwait(false);
            foreach (var record in page)
            {
                yield return record;
            }

            if (rows.Count < ReadBatch)
            {
                yield break;
            }

            after = NextPageKey(rows);
        }
    }

    public async Task<IStoreSnapshot> OpenSnapshotAsync(CancellationToken ct)
    {
        // Not retried past its start: a snapshot cut by a server restart cannot be taken up again where it was.
        var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await PostgresSnapshot.OpenAsync(connection, ct).ConfigureAwait(false);
    }

    /// <summary>The key after a full page.</summary>
    internal static object NextPageKey(List<ArticleRow> rows) => new { At = PostgresTime.Write(rows[^1].PublishedAt), Seq = rows[^1].Seq };

    /// <summary>One keyset page of <see cref="ReadBatch"/> articles after <paramref name="after"/> (null: the first): memory stays flat however many articles there are.</summary>
    internal static Task<(List<ArticleRow> Rows, List<StoredRecord> Records)> ReadPageAsync(PostgresSession s, RecordOrder order, object? after)
    {
        var (where, orderBy) = order switch
        {
            RecordOrder.Published => ("(a.published_at, a.seq) > (@At, @Seq)", "a.published_at, a.seq"),
            RecordOrder.Newest => ("(a.published_at, a.seq) < (@At, @Seq)", "a.published_at DESC, a.seq DESC"),
            _ => ("a.seq > @Seq", "a.seq"),
        };
        return ReadPageAsync(s, $"{(after is null ? "" : $"WHERE {where}")} ORDER BY {orderBy} LIMIT {ReadBatch}", after);
    }

    /// <summary>The articles a <c>WHERE … ORDER BY …</c> tail selects, as records, children read in one more round trip.</summary>
    private static async Task<(List<ArticleRow> Rows, List<StoredRecord> Records)> ReadPageAsync(PostgresSession s, string tail, object? values)
    {
        var rows = await s.QueryAsync<ArticleRow>($"{ArticleRow.Select} {tail}", values).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return (rows, []);
        }

        using var read = await s.QueryMultipleAsync(Children.Sql("= ANY(@Ids)"), new { Ids = rows.Select(r => r.Id).ToArray() }).ConfigureAwait(false);
        var children = await Children.ReadAsync(read).ConfigureAwait(false);
        return (rows, children.Assemble(rows));
    }
}

using Lede.Normalize;
using Lede.Storage.Postgres;
using Lede.Store;
using Lede.Tests.Records;
using Npgsql;

namespace Lede.Storage.Tests;

/// <summary>A worker carries on when its connections die under it (a server restart or failover ends every session).</summary>
public sealed class PostgresRetryTests : IDisposable
{
    private readonly PostgresDatabase _database = PostgresDatabase.Create();

    public void Dispose() => _database.Dispose();

    private void TerminateSessions()
    {
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresDatabase.Server) { Pooling = false }.ConnectionString);
        admin.Open();
        using var command = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", admin);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _database.Name });
        command.ExecuteNonQuery();
    }

    private static StoredRecord Article(int n) => new(new ArticleId((ulong)n), Samples.Minimal with { WebUrl = $"https://example.com/{n}" });

    [Fact]
    public async Task Writes_go_on_after_every_session_is_terminated()
    {
        await using var store = PostgresStore.Open(_database.ConnectionString);
        await store.SaveArticleAsync(Article(1), default);

        TerminateSessions();

        (await store.SaveArticlesAsync([Article(2), Article(3)], default)).ShouldBeEmpty();
        (await store.CountArticlesAsync(default)).ShouldBe(3);
    }

    [Fact]
    public async Task Batches_written_while_sessions_keep_dying_are_each_stored_once()
    {
        await using var store = PostgresStore.Open(_database.ConnectionString);
        // Every session ends ten times a second for two seconds: each restart a worker could meet, many times over.
        var killer = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await Task.Delay(100);
                TerminateSessions();
            }
        });

        var batches = 0;
        while (batches < 20 || !killer.IsCompleted)
        {
            var articles = Enumerable.Range((batches * 25) + 1, 25).Select(Article).ToList();
            (await store.SaveArticlesAsync(articles, default)).ShouldBeEmpty();
            batches++;
        }

        await killer;
        (await store.CountArticlesAsync(default)).ShouldBe(batches * 25);
        (await store.ReadRecordsAsync(RecordOrder.Imported, default).Select(r => r.Id.Value).ToListAsync())
            .ShouldBe(Enumerable.Range(1, batches * 25).Select(n => (ulong)n));
        (await store.CheckAsync(null, default)).ShouldBeEmpty();
    }
}

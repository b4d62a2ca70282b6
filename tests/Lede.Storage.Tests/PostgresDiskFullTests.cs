using Lede.Normalize;
using Lede.Storage.Postgres;
using Lede.Store;
using Lede.Tests.Records;
using Npgsql;

namespace Lede.Storage.Tests;

/// <summary>PostgreSQL's disk_full (SQLSTATE 53100) becomes <see cref="StoreFullException"/>: rolled back whole, not retried (catalogue S3).</summary>
/// <remarks>
/// A real full disk needs a tablespace on a tiny file system, which needs root. Here a trigger raises the very SQLSTATE the
/// server raises when it cannot extend a file, in the middle of the same write: what is proven is Lede's side of it (the mapping,
/// the rollback, no retry), not how a server behaves on a full disk.
/// </remarks>
public sealed class PostgresDiskFullTests : IDisposable
{
    private readonly PostgresDatabase _database = PostgresDatabase.Create();

    public void Dispose() => _database.Dispose();

    private static StoredRecord Article(int n) => new(new ArticleId((ulong)n), Samples.Minimal with
    {
        Title = $"Story {n}",
        WebUrl = $"https://example.com/{n}",
        OriginalUrl = $"https://example.com/{n}",
    });

    private void Sql(string sql)
    {
        using var connection = _database.Connect();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var connection = _database.Connect();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Disk_full_rolls_the_batch_back_keeps_what_was_committed_and_is_not_retried()
    {
        await using var store = PostgresStore.Open(_database.ConnectionString);
        await store.SaveArticleAsync(Article(1), default);
        // While disk_full holds a row, every new article row fails as a full disk does; the sequence counts the attempts
        // (nextval is not rolled back).
        Sql("""
            CREATE TABLE disk_full (full_now boolean);
            CREATE SEQUENCE disk_full_attempts;
            CREATE FUNCTION disk_full_check() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM disk_full) THEN
                    PERFORM nextval('disk_full_attempts');
                    RAISE EXCEPTION 'could not extend file "base/1/2": No space left on device' USING ERRCODE = '53100';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER disk_full_check BEFORE INSERT ON article FOR EACH ROW EXECUTE FUNCTION disk_full_check();
            INSERT INTO disk_full VALUES (true);
            """);

        var full = await Should.ThrowAsync<StoreFullException>(() => store.SaveArticlesAsync([Article(2), Article(3), Article(4)], default));

        full.Message.ShouldStartWith($"database {store.Where}: disk full: ");
        full.Message.ShouldNotContain("\n");
        full.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe("53100");
        Scalar("SELECT last_value FROM disk_full_attempts").ShouldBe(1);
        (await store.CountArticlesAsync(default)).ShouldBe(1);
        (await store.FindArticleByUrlAsync("https://example.com/2", default)).ShouldBeNull();
        (await store.CheckAsync(null, default)).ShouldBeEmpty();

        Sql("DELETE FROM disk_full");
        (await store.SaveArticlesAsync([Article(2), Article(3), Article(4)], default)).ShouldBeEmpty();

        (await store.CountArticlesAsync(default)).ShouldBe(4);
    }
}

using Lede.Normalize;
using Lede.Storage.Sqlite;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Tests;

public sealed class SqliteCheckTests : CheckContractTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lede-check-").FullName;

    private string DatabasePath => Path.Combine(_folder, "lede.db");

    protected override Task<IStore> OpenAsync() => Task.FromResult<IStore>(SqliteStore.Open(DatabasePath));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    protected override async Task<bool> DamageAsync(Damage damage, ArticleId target)
    {
        var sql = damage switch
        {
            Damage.TopicOfMissingArticle => "INSERT INTO article_topic (article_seq, position, topic_id) VALUES (999, 0, (SELECT MIN(id) FROM topic))",
            Damage.UrlOfMissingArticle => "INSERT INTO article_url (url_hash, url, article_seq) VALUES (lede_url_hash('https://gone.example/'), 'https://gone.example/', 999)",
            Damage.ImageOfMissingArticle => "INSERT INTO article_image (article_seq, position, url, is_cached) VALUES (999, 0, 'https://gone.example/a.jpg', 0)",
            Damage.DecisionOfMissingArticle => "INSERT INTO decision (article_id, decided_by, decided_at, published) VALUES (999, 'editor', '2026-01-01T00:00:00Z', 1)",
            Damage.StoryMissing => "UPDATE article SET story_id = 999 WHERE id = @T",
            Damage.RelatedNotReturned => """
                DELETE FROM related_snapshot WHERE web_url = (SELECT web_url FROM article WHERE id = @T)
                AND article_seq IN (SELECT b.seq FROM related_snapshot r JOIN article b ON b.web_url = r.web_url
                                    WHERE r.article_seq = (SELECT seq FROM article WHERE id = @T))
                """,
            Damage.SearchEntryMissing => "DELETE FROM article_search WHERE rowid = (SELECT seq FROM article WHERE id = @T)",
            Damage.SearchEntryStale => "UPDATE article_search SET title = 'Something else entirely' WHERE rowid = (SELECT seq FROM article WHERE id = @T)",
            Damage.MacRemoved => "UPDATE article SET secured_mac = NULL WHERE id = @T",
            Damage.KeyIdRemoved => "UPDATE article SET secured_key_id = NULL WHERE id = @T",
            Damage.CiphertextTampered => """
                UPDATE article SET secured_ciphertext =
                    CASE WHEN substr(secured_ciphertext, 1, 1) = 'A' THEN 'B' ELSE 'A' END || substr(secured_ciphertext, 2)
                WHERE id = @T
                """,
            // Read from a copy: a subquery on article itself would see the first row already changed.
            Damage.PayloadsSwapped => """
                CREATE TEMP TABLE payload AS SELECT id, secured_ciphertext, secured_iv, secured_key_id, secured_mac FROM article WHERE id IN (@T, @S);
                UPDATE article SET (secured_ciphertext, secured_iv, secured_key_id, secured_mac) =
                    (SELECT o.secured_ciphertext, o.secured_iv, o.secured_key_id, o.secured_mac FROM payload o
                     WHERE o.id = CASE WHEN article.id = @T THEN @S ELSE @T END)
                WHERE id IN (@T, @S)
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
        await ExecuteAsync(sql, target);
        return true;
    }

    // A raw connection with foreign keys off, as a careless tool would have it.
    private async Task ExecuteAsync(string sql, ArticleId target)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Foreign Keys=False");
        await connection.OpenAsync();
        SqliteUrlHash.Register(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@T", target.ToInt64());
        command.Parameters.AddWithValue("@S", Second.ToInt64());
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_skipped_migration_is_a_schema_problem()
    {
        await ExecuteAsync("DELETE FROM schema_migrations WHERE version = 2", First);

        var problem = (await Store.CheckAsync(null, default)).ShouldHaveSingleItem();

        problem.Kind.ShouldBe("schema");
        problem.Subject.ShouldBe("migration 2");
    }

    [Fact]
    public async Task A_corrupt_index_is_an_integrity_problem()
    {
        // An index whose definition no longer matches its entries: integrity_check finds every row missing from it.
        await ExecuteAsync("""
            PRAGMA writable_schema = ON;
            UPDATE sqlite_master SET sql = 'CREATE INDEX article_story ON article(title)' WHERE name = 'article_story';
            """, First);
        SqliteConnection.ClearAllPools();

        var problems = await Store.CheckAsync(null, default);

        problems.ShouldContain(p => p.Kind == "integrity", string.Join("\n", problems));
    }

    [Fact]
    public async Task A_known_url_whose_hash_is_out_of_step_is_a_url_problem()
    {
        await ExecuteAsync("UPDATE article_url SET url_hash = url_hash + 1 WHERE article_seq = (SELECT seq FROM article WHERE id = @T)", First);

        var problems = await Store.CheckAsync(null, default);

        problems.ShouldContain(p => p.Kind == "url" && p.Message.Contains("out of step", StringComparison.Ordinal), string.Join("\n", problems));
        (await Store.FindArticleByUrlAsync("https://news1.example/1", default)).ShouldBeNull();
    }

    [Fact]
    public async Task A_web_url_whose_hash_is_out_of_step_is_a_url_problem()
    {
        await ExecuteAsync("UPDATE article SET web_url_hash = web_url_hash + 1 WHERE id = @T", First);

        var problems = await Store.CheckAsync(null, default);

        problems.ShouldContain(p => p.Kind == "url" && p.Subject == $"article {First}", string.Join("\n", problems));
    }

    [Fact]
    public async Task A_web_url_of_two_articles_is_a_url_problem()
    {
        await ExecuteAsync("""
            UPDATE article SET (web_url, web_url_hash) = (SELECT web_url, web_url_hash FROM article WHERE id = @T) WHERE id <> @T
            """, First);

        var problems = await Store.CheckAsync(null, default);

        problems.ShouldContain(p => p.Kind == "url" && p.Message.Contains("web URL of 3 articles", StringComparison.Ordinal), string.Join("\n", problems));
    }

    [Fact]
    public async Task A_url_held_by_two_articles_is_a_url_problem()
    {
        await ExecuteAsync("""
            INSERT INTO article_url (url_hash, url, article_seq)
            SELECT url_hash, url, (SELECT MAX(seq) FROM article) FROM article_url WHERE article_seq = (SELECT MIN(seq) FROM article) LIMIT 1
            """, First);

        var problems = await Store.CheckAsync(null, default);

        problems.ShouldContain(p => p.Kind == "url" && p.Message.Contains("held by 2 rows", StringComparison.Ordinal), string.Join("\n", problems));
    }
}

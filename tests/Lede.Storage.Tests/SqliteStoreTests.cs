using Dapper;
using Lede.Normalize;
using Lede.Storage.Sqlite;
using Lede.Store;
using Lede.Tests.Records;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Tests;

public sealed class SqliteStoreTests : StoreContractTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lede-store-").FullName;

    private string DbPath => Path.Combine(_folder, "lede.db");

    protected override Task<IStore> OpenAsync() => Task.FromResult<IStore>(SqliteStore.Open(DbPath));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return connection;
    }

    [Fact]
    public void A_new_database_is_migrated_to_the_newest_schema_in_WAL_mode()
    {
        using var connection = Connect();

        SqliteMigrator.CurrentVersion(connection).ShouldBe(SqliteMigrator.Scripts[^1].Version);
        connection.ExecuteScalar<string>("PRAGMA journal_mode").ShouldBe("wal");
        connection.ExecuteScalar<string>("PRAGMA integrity_check").ShouldBe("ok");
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToHashSet(StringComparer.Ordinal);
        string[] expected = ["schema_migrations", "provider", "source", "story", "story_heat", "article", "topic", "article_topic",
                             "image", "article_image", "related_snapshot", "related_snapshot_image", "decision", "article_url"];
        expected.Where(t => !tables.Contains(t)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Opening_again_applies_no_migration_twice()
    {
        await Store.DisposeAsync();
        await using var again = SqliteStore.Open(DbPath);

        using var connection = Connect();
        connection.ExecuteScalar<int>("SELECT COUNT(*) FROM schema_migrations").ShouldBe(SqliteMigrator.Scripts.Count);
        SqliteMigrator.Migrate(connection).ShouldBe(0);
    }

    [Fact]
    public void Upgrading_from_version_2_learns_the_urls_of_the_articles_already_held()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "v2.db")};Pooling=False");
        connection.Open();
        SqliteMigrator.Migrate(connection, upTo: 2);
        connection.Execute("""
            INSERT INTO provider (domain, name) VALUES ('example.com', 'Example');
            INSERT INTO article (id, seq, category, title, excerpt, published_at, original_url, web_url, amp_web_url, type, quality,
                                 heat, published, provider_domain, provider_name, first_seen_at, updated_at)
            VALUES (5, 1, 'news', 't', 'e', '2021-01-01T00:00:00Z', 'https://example.com/a?utm_source=x', 'https://example.com/a',
                    'https://example.com/a/amp', 'article', 0, -1, 0, 'example.com', 'Example', '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z');
            """);

        SqliteMigrator.Migrate(connection);

        connection.Query<string>("SELECT u.url FROM article_url u JOIN article a ON a.seq = u.article_seq WHERE a.id = 5 ORDER BY u.url")
            .ShouldBe(["https://example.com/a", "https://example.com/a/amp", "https://example.com/a?utm_source=x"]);
    }

    [Fact]
    public async Task A_database_from_a_newer_Lede_is_refused_with_a_clear_error()
    {
        using (var connection = Connect())
        {
            connection.Execute("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01T00:00:00Z')");
        }

        await Store.DisposeAsync();
        var e = Should.Throw<InvalidOperationException>(() => SqliteStore.Open(DbPath));
        e.Message.ShouldBe($"database schema version 999 is newer than this Lede knows ({SqliteMigrator.Scripts[^1].Version}); upgrade Lede");
    }

    [Fact]
    public async Task An_article_that_fails_halfway_leaves_nothing_behind()
    {
        using (var connection = Connect())
        {
            // Fail the write after the article row and its images are in, at the first related entry.
            connection.Execute("CREATE TRIGGER fail_related BEFORE INSERT ON related_snapshot BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
        }

        var record = Samples.Minimal with
        {
            Images = [new Lede.Records.RecordImage("https://example.com/i.jpg", 1, 1, true)],
            Related = [new Lede.Records.RelatedEntry
            {
                Title = "t", Excerpt = "e", PublishedDateTime = Samples.Minimal.PublishedDateTime, WebUrl = "https://example.org/r",
                Provider = new Lede.Records.ProviderRef("Org", "example.org"),
            }],
        };

        await Should.ThrowAsync<SqliteException>(() => Store.SaveRecordAsync(new ArticleId(7), record, default));

        using var check = Connect();
        check.ExecuteScalar<int>("SELECT COUNT(*) FROM article").ShouldBe(0);
        check.ExecuteScalar<int>("SELECT COUNT(*) FROM article_image").ShouldBe(0);
        check.ExecuteScalar<int>("SELECT COUNT(*) FROM provider").ShouldBe(0);
        (await Store.SaveRecordAsync(new ArticleId(7), Samples.Minimal, default)).ShouldBe(SaveOutcome.Inserted);
    }

    /// <summary>S11: a file that is not a database is named in the error and left exactly as it was.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_file_that_is_not_a_database_is_refused_by_name_and_left_alone(bool sqliteHeader)
    {
        var path = Path.Combine(_folder, "damaged.db");
        var bytes = new byte[64 * 1024];
        new Random(11).NextBytes(bytes);
        if (sqliteHeader)
        {
            // The right magic, then garbage: SQLite gets past the header and finds the pages corrupt.
            "SQLite format 3\0"u8.CopyTo(bytes);
        }

        File.WriteAllBytes(path, bytes);

        var e = Should.Throw<InvalidOperationException>(() => SqliteStore.Open(path));

        e.Message.ShouldStartWith($"{path} is not a SQLite database Lede can open (");
        e.Message.ShouldEndWith("it was left as it is: restore it from a backup or use another --db");
        File.ReadAllBytes(path).ShouldBe(bytes);
        File.Exists(path + "-wal").ShouldBeFalse();
    }

    /// <summary>S4: a write waits for another connection's write lock instead of failing with "database is locked".</summary>
    [Fact]
    public async Task A_write_waits_for_a_writer_holding_the_lock()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var holder = Connect())
        {
            holder.Execute("BEGIN IMMEDIATE");
            holder.Execute("INSERT INTO schema_migrations VALUES (-1, 'held', '2026-01-01T00:00:00Z')");
            // On another thread: the store's writes may block the caller while they wait.
            var save = Task.Run(() => Store.SaveRecordAsync(new ArticleId(7), Samples.Minimal, default));
            await Task.Delay(1000);
            save.IsCompleted.ShouldBeFalse();
            holder.Execute("ROLLBACK");
            (await save).ShouldBe(SaveOutcome.Inserted);
        }

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        (await Store.HasArticleAsync(new ArticleId(7), default)).ShouldBeTrue();
    }

    /// <summary>S5: tasks on several threads write and read through one store at once; each operation takes its own connection, so nothing is lost or mixed up.</summary>
    [Fact]
    public async Task Tasks_writing_and_reading_through_one_store_at_once_lose_nothing()
    {
        const int writers = 4, each = 40;
        using var done = new CancellationTokenSource();
        var written = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var n = (w * each) + i;
                var id = new ArticleId((ulong)(n + 1));
                await Store.SaveRecordAsync(id, Samples.Minimal with { Title = $"Concurrent {n}", WebUrl = $"https://example.com/c/{n}" }, default);
                await Store.AddArticleUrlAsync(id, $"https://example.com/feed-link/{n}", default);
                if (n % 5 == 0)
                {
                    (await Store.SaveDecisionAsync(id, new Decide.EditorDecision(Decide.EditorAction.Publish, $"editor {w}", DateTime.UtcNow, null), default)).ShouldBeTrue();
                }
            }
        })).ToList();
        var read = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            // Readers beside the writers: every count they see is whole articles, and never goes back.
            var last = 0;
            while (!done.IsCancellationRequested)
            {
                var count = await Store.CountArticlesAsync(default);
                count.ShouldBeGreaterThanOrEqualTo(last);
                last = count;
                var records = await Store.ReadRecordsAsync(RecordOrder.Imported, default).ToListAsync();
                records.ShouldAllBe(r => r.Record.Title == $"Concurrent {r.Id.Value - 1}");
                await Store.SearchAsync(new SearchQuery("concurrent"), default);
            }

            return last;
        })).ToList();

        await Task.WhenAll(written);
        await done.CancelAsync();
        await Task.WhenAll(read);

        (await Store.CountArticlesAsync(default)).ShouldBe(writers * each);
        for (var n = 0; n < writers * each; n++)
        {
            (await Store.FindArticleByUrlAsync($"https://example.com/feed-link/{n}", default)).ShouldBe(new ArticleId((ulong)(n + 1)));
        }

        (await Store.SearchAsync(new SearchQuery("concurrent", PublishedOnly: true, Limit: 1000), default)).Count.ShouldBe(writers * each / 5);
        (await Store.CheckAsync(null, default)).ShouldBeEmpty();
    }
}

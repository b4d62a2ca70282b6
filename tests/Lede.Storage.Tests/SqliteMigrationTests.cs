using Dapper;
using Lede.Normalize;
using Lede.Records;
using Lede.Storage.Sqlite;
using Lede.Store;
using Lede.Tests.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Tests;

/// <summary>Every earlier schema version upgrades to the newest with its rows readable and <c>db check</c> clean.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lede-migrate-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public static TheoryData<int> EarlierVersions => [.. Enumerable.Range(0, SqliteMigrator.Scripts[^1].Version)];

    /// <summary>S10: a script that fails halfway (008 meets a table it means to create) leaves the schema as it was, then runs once the cause is gone.</summary>
    [Fact]
    public async Task A_migration_that_fails_halfway_leaves_the_version_and_schema_unchanged()
    {
        var path = Path.Combine(_folder, "halfway.db");
        const string Schema = "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY name";
        List<string> before;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SqliteMigrator.Migrate(connection, upTo: 7).ShouldBe(7);
            // 008 creates article_topic_new and others first, then article_new: the clash comes after it has changed things.
            connection.Execute("CREATE TABLE article_new (x INTEGER)");
            before = [.. connection.Query<string>(Schema)];
        }

        Should.Throw<SqliteException>(() => SqliteStore.Open(path)).Message.ShouldContain("article_new");

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SqliteMigrator.CurrentVersion(connection).ShouldBe(7);
            connection.Query<string>(Schema).ShouldBe(before, "the tables, views and triggers 008 dropped before the clash are all back");
            connection.ExecuteScalar<string>("PRAGMA integrity_check").ShouldBe("ok");
            connection.Execute("DROP TABLE article_new");
        }

        SqliteConnection.ClearAllPools();
        await using var store = SqliteStore.Open(path);
        (await store.SchemaVersionAsync(default)).ShouldBe(SqliteMigrator.Scripts[^1].Version);
        (await store.CheckAsync(null, default)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(EarlierVersions))]
    public async Task A_database_at_an_earlier_version_upgrades_with_its_rows_intact(int version)
    {
        var path = Path.Combine(_folder, $"v{version}.db");
        var keys = new KeyRing([SecuredKey.New(out var master)]);
        // Databases of those versions were sealed before the article binding.
        var seal = LegacySeal.Seal(master, new SecuredPayload("The sealed text.", ["A. Writer"], null));
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False;Foreign Keys=True"))
        {
            connection.Open();
            SqliteMigrator.Migrate(connection, upTo: version).ShouldBe(version);
            if (version > 0)
            {
                InsertRowsValidAt(connection, version, seal);
            }

            SqliteMigrator.Migrate(connection).ShouldBe(SqliteMigrator.Scripts[^1].Version - version);
        }

        await using var store = SqliteStore.Open(path);

        (await store.SchemaVersionAsync(default)).ShouldBe(SqliteMigrator.Scripts[^1].Version);
        var problems = await store.CheckAsync(keys, default);
        if (version == 0)
        {
            problems.ShouldBeEmpty();
            (await store.CountArticlesAsync(default)).ShouldBe(0);
            return;
        }

        var first = (await store.FindRecordAsync(new ArticleId(1), default))!;
        first.Record.Title.ShouldBe("Drones over the harbour");
        first.Record.Topics.ShouldBe(["AI", "Drones"]);
        first.Record.Related.ShouldHaveSingleItem().WebUrl.ShouldBe("https://example.com/2");
        first.Seal.ShouldBe(seal);
        // The old payload still verifies and opens; check names it as a notice, not a problem.
        problems.ShouldHaveSingleItem().ShouldBe(StoreProblem.SealedBeforeIdBinding($"article {new ArticleId(1)}"));
        new SecuredBox(keys).Open(first.Id, first.Seal!).Text.ShouldBe("The sealed text.");
        (await store.FindRecordAsync(new ArticleId(2), default))!.Record.Secured.ShouldBe(new SecuredValue("AAAAAAAAAAAAAAAAAAAAAA==", "AAAAAAAAAAAAAAAAAAAAAA=="));
        (await store.FindArticleByUrlAsync("https://example.com/1", default)).ShouldBe(new ArticleId(1));
        (await store.FindArticleByUrlAsync("https://example.com/2", default)).ShouldBe(new ArticleId(2));
        (await store.FindArticleByUrlAsync("https://example.com/3", default)).ShouldBeNull();
        (await store.SearchAsync(new SearchQuery("harbour"), default)).Select(h => h.Id).ShouldBe([new ArticleId(1), new ArticleId(2)], ignoreOrder: true);
        (await store.SearchAsync(new SearchQuery("drones", Topic: "ai"), default)).ShouldHaveSingleItem().Id.ShouldBe(new ArticleId(1));
    }

    // Two related articles as schema 001 holds them (one sealed by Lede, one imported unverified), plus what later versions add.
    private static void InsertRowsValidAt(SqliteConnection connection, int version, SealedPayload seal)
    {
        connection.Execute("""
            INSERT INTO provider (domain, name) VALUES ('example.com', 'Example');
            INSERT INTO story (id, first_seen_at, last_seen_at, providers, heat) VALUES (7, '2021-01-01T00:00:00Z', '2021-01-01T01:00:00Z', 1, 3);
            INSERT INTO topic (id, name) VALUES (1, 'AI'), (2, 'Drones');
            INSERT INTO article (id, seq, category, title, excerpt, published_at, original_url, web_url, type, quality, heat, published,
                                 provider_domain, provider_name, story_id, secured_ciphertext, secured_iv, secured_key_id, secured_mac,
                                 secured_verified, first_seen_at, updated_at)
            VALUES (1, 11, 'news', 'Drones over the harbour', 'Police respond.', '2021-01-01T00:00:00Z', 'https://example.com/1',
                    'https://example.com/1', 'article', 60, 3, 1, 'example.com', 'Example', 7, @Ciphertext, @Iv, @KeyId, @Mac, 1,
                    '2021-01-01T00:00:00Z', '2021-01-01T00:00:00Z'),
                   (2, 12, 'news', 'Harbour closed', 'Drones again.', '2021-01-01T01:00:00Z', 'https://example.com/2',
                    'https://example.com/2', 'article', 40, 3, 0, 'example.com', 'Example', 7, 'AAAAAAAAAAAAAAAAAAAAAA==',
                    'AAAAAAAAAAAAAAAAAAAAAA==', NULL, NULL, 0, '2021-01-01T01:00:00Z', '2021-01-01T01:00:00Z');
            INSERT INTO article_topic (article_id, position, topic_id, score) VALUES (1, 0, 1, 0.9), (1, 1, 2, 0.5), (2, 0, 2, 0.7);
            INSERT INTO article_image (article_id, position, url, width, height, is_cached) VALUES (1, 0, 'https://example.com/1.jpg', 640, 480, 0);
            INSERT INTO related_snapshot (article_id, position, title, excerpt, published_at, web_url, type, provider_name, provider_domain, quality)
            VALUES (1, 0, 'Harbour closed', 'Drones again.', '2021-01-01T01:00:00Z', 'https://example.com/2', 'article', 'Example', 'example.com', 40),
                   (2, 0, 'Drones over the harbour', 'Police respond.', '2021-01-01T00:00:00Z', 'https://example.com/1', 'article', 'Example', 'example.com', 60);
            INSERT INTO decision (article_id, decided_by, decided_at, published, reason) VALUES (1, 'editor', '2021-01-02T00:00:00Z', 1, 'good');
            """,
            new { seal.Value.Ciphertext, seal.Value.Iv, seal.KeyId, seal.Mac });
        if (version >= 2)
        {
            connection.Execute("INSERT INTO source (url, created_at, interval_seconds) VALUES ('https://example.com/feed', '2021-01-01T00:00:00Z', 600)");
        }

        if (version >= 3)
        {
            connection.Execute("INSERT INTO article_url (url, article_id) VALUES ('https://example.com/1', 1), ('https://example.com/2', 2), ('https://example.com/feed-link/1', 1)");
        }

        if (version >= 4)
        {
            connection.Execute("""
                UPDATE article SET explain = '{"topics":[]}' WHERE id = 1;
                UPDATE decision SET action = 'publish';
                UPDATE story SET heat_why = 'two providers';
                """);
        }

        if (version >= 6)
        {
            // From 006 the search index reads its text from the articles, and Lede writes its rows beside theirs.
            connection.Execute("INSERT INTO article_search (article_search) VALUES ('rebuild')");
        }
    }
}

using Dapper;
using Lede.Storage.Postgres;
using Npgsql;

namespace Lede.Storage.Tests;

public sealed class PostgresMigratorTests : IDisposable
{
    private readonly PostgresDatabase _database = PostgresDatabase.Create();

    public void Dispose() => _database.Dispose();

    private static int Newest => PostgresMigrator.Scripts[^1].Version;

    [Fact]
    public void An_empty_database_is_migrated_to_the_newest_schema_with_what_workers_need()
    {
        using var connection = _database.Connect();

        PostgresMigrator.Migrate(connection).ShouldBe(PostgresMigrator.Scripts.Count);

        PostgresMigrator.CurrentVersion(connection).ShouldBe(Newest);
        var tables = connection.Query<string>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").ToHashSet(StringComparer.Ordinal);
        string[] expected = ["schema_migrations", "provider", "source", "story", "story_heat", "article", "topic", "article_topic",
                             "image", "article_image", "related_snapshot", "related_snapshot_image", "decision", "article_url", "work_lease"];
        expected.Where(t => !tables.Contains(t)).ShouldBeEmpty();
        connection.Query<string>("SELECT column_name FROM information_schema.columns WHERE table_name = 'source' AND column_name LIKE 'lease%' ORDER BY 1")
            .ShouldBe(["lease_owner", "lease_until"]);
    }

    [Theory]
    [MemberData(nameof(EarlierVersions))]
    public async Task A_database_at_an_earlier_version_is_upgraded_with_its_rows(int version)
    {
        using (var connection = _database.Connect())
        {
            PostgresMigrator.Migrate(connection, upTo: version);
            // Rows every version has: a source, an article of a provider, a named lease.
            connection.Execute("""
                INSERT INTO source (url, created_at) VALUES ('https://news.example/feed', now());
                INSERT INTO provider (domain, name) VALUES ('news.example', 'News');
                INSERT INTO article (id, category, title, excerpt, published_at, original_url, web_url, type, quality, heat,
                                     published, provider_domain, provider_name, first_seen_at, updated_at)
                VALUES (7, 'news', 'Council bans cameras', 'The vote was close.', now(), 'https://news.example/a',
                        'https://news.example/a', 'article', 50, -1, false, 'news.example', 'News', now(), now());
                INSERT INTO work_lease (name, owner, until) VALUES ('stories', 'old-worker', now());
                """);
        }

        await using var store = PostgresStore.Open(_database.ConnectionString);

        store.MigrationsApplied.ShouldBe(Newest - version);
        (await store.SchemaVersionAsync(default)).ShouldBe(Newest);
        (await store.ListSourcesAsync(default)).ShouldHaveSingleItem().Url.ShouldBe("https://news.example/feed");
        (await store.SearchAsync(new Lede.Store.SearchQuery("cameras"), default)).ShouldHaveSingleItem().Title.ShouldBe("Council bans cameras");
        (await store.CheckAsync(null, default)).ShouldBeEmpty();
        (await store.ClaimSourcesAsync("worker", DateTime.UtcNow, TimeSpan.FromMinutes(1), 5, default)).ShouldHaveSingleItem();
        (await store.TryTakeLeaseAsync("stories", "worker", TimeSpan.FromMinutes(1), default)).ShouldBe(0L);
    }

    public static TheoryData<int> EarlierVersions()
    {
        var versions = new TheoryData<int>();
        foreach (var script in PostgresMigrator.Scripts.SkipLast(1))
        {
            versions.Add(script.Version);
        }

        return versions;
    }

    [Fact]
    public async Task Migrators_racing_on_one_empty_database_apply_each_script_once()
    {
        var start = new TaskCompletionSource();
        var racers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            using var connection = _database.Connect();
            return PostgresMigrator.Migrate(connection);
        })).ToList();

        start.SetResult();
        var applied = await Task.WhenAll(racers);

        applied.Sum().ShouldBe(PostgresMigrator.Scripts.Count);
        using var check = _database.Connect();
        check.Query<int>("SELECT version FROM schema_migrations ORDER BY version").ShouldBe(PostgresMigrator.Scripts.Select(s => s.Version));
    }

    [Fact]
    public async Task A_database_at_the_newest_version_is_left_alone()
    {
        using var connection = _database.Connect();
        PostgresMigrator.Migrate(connection);
        var before = connection.Query<DateTime>("SELECT applied_at FROM schema_migrations ORDER BY version").ToList();

        PostgresMigrator.Migrate(connection).ShouldBe(0);
        await using (var store = PostgresStore.Open(_database.ConnectionString))
        {
            (await store.SchemaVersionAsync(default)).ShouldBe(Newest);
        }

        connection.Query<DateTime>("SELECT applied_at FROM schema_migrations ORDER BY version").ShouldBe(before);
    }

    [Fact]
    public void A_database_from_a_newer_Lede_is_refused_with_a_clear_error()
    {
        using (var connection = _database.Connect())
        {
            PostgresMigrator.Migrate(connection);
            connection.Execute("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
        }

        var e = Should.Throw<InvalidOperationException>(() => PostgresStore.Open(_database.ConnectionString));

        e.Message.ShouldBe($"database schema version 999 is newer than this Lede knows ({Newest}); upgrade Lede");
    }

    [Fact]
    public void A_failing_script_leaves_the_version_unchanged()
    {
        using var connection = _database.Connect();
        // A table in the way of the first script: it fails, and nothing of it (nor its version row) stays.
        connection.Execute("CREATE TABLE provider (x int)");

        Should.Throw<PostgresException>(() => PostgresMigrator.Migrate(connection));

        PostgresMigrator.CurrentVersion(connection).ShouldBe(0);
        connection.ExecuteScalar<bool>("SELECT to_regclass('article') IS NULL").ShouldBeTrue();
    }
}

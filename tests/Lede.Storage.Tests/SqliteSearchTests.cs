using Lede.Normalize;
using Lede.Storage.Sqlite;
using Lede.Store;
using Lede.Tests.Records;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Tests;

public sealed class SqliteSearchTests : SearchContractTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lede-search-").FullName;

    protected override Task<IStore> OpenAsync() => Task.FromResult<IStore>(SqliteStore.Open(Path.Combine(_folder, "lede.db")));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // remove_diacritics 2 in the FTS5 tokenizer; PostgreSQL needs the unaccent extension for the same.
    [Fact]
    public async Task Accents_do_not_matter()
    {
        await Store.SaveRecordAsync(new ArticleId(1), Samples.Minimal with { Title = "Le café de la gare", Excerpt = "Réouverture." }, default);

        var hits = await Store.SearchAsync(new SearchQuery("cafe reouverture"), default);

        hits.ShouldHaveSingleItem().Id.ShouldBe(new ArticleId(1));
    }

    [Fact]
    public async Task A_filtered_search_is_driven_by_the_index()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "lede.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            EXPLAIN QUERY PLAN SELECT a.id FROM article_search f JOIN article a ON a.seq = f.rowid
            WHERE article_search MATCH 'x' AND f.rowid >= 1 AND a.published_at >= '2020' ORDER BY f.rank LIMIT 5
            """;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        // The FTS table is the outer loop and no temporary sorter is needed: the walk stops at the limit.
        plan[0].ShouldStartWith("SCAN f VIRTUAL TABLE");
        plan.ShouldNotContain(p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    // Migration 006: the index keeps no copy of the text, so every writer tells it what it held before a change.
    [Fact]
    public async Task The_index_stays_in_step_through_updates_decisions_renamed_topics_and_deletes()
    {
        var first = Samples.Minimal with { Title = "Drones over the harbour", Topics = ["AI"] };
        var second = Samples.Minimal with
        {
            Title = "Ferries in the harbour",
            WebUrl = "https://example.com/b",
            OriginalUrl = "https://example.com/b",
            Topics = ["AI", "Transport"],
        };
        await Store.SaveRecordAsync(new ArticleId(1), first, default);
        await Store.SaveRecordAsync(new ArticleId(2), second, default);
        await Store.SaveRecordAsync(new ArticleId(1), first with { Title = "Drones over the airport" }, default);
        await Store.SaveDecisionAsync(new ArticleId(1), new Decide.EditorDecision(Decide.EditorAction.Publish, "editor", DateTime.UtcNow, "good"), default);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "lede.db")};Foreign Keys=True"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE topic SET name = 'Machine Learning' WHERE name = 'AI'; DELETE FROM article WHERE id = 2;";
            await command.ExecuteNonQueryAsync();
        }

        (await Store.CheckAsync(null, default)).ShouldBeEmpty();
        (await Store.SearchAsync(new SearchQuery("harbour"), default)).ShouldBeEmpty();
        (await Store.SearchAsync(new SearchQuery("ferries"), default)).ShouldBeEmpty();
        (await Store.SearchAsync(new SearchQuery("airport learning", Topic: "machine learning", PublishedOnly: true), default))
            .ShouldHaveSingleItem().Id.ShouldBe(new ArticleId(1));
        (await Store.SearchAsync(new SearchQuery("drones", Topic: "AI"), default)).ShouldBeEmpty();
    }

    // The SqliteCheckpointer moves committed pages into the database file; SQLite's own checkpoint would wait for 64 MB of WAL.
    [Fact]
    public async Task Committed_batches_reach_the_database_file_without_a_writer_checkpoint()
    {
        var path = Path.Combine(_folder, "lede.db");
        await Store.SaveRecordAsync(new ArticleId(1), Samples.Minimal, default);
        var before = new FileInfo(path).Length;
        var batch = Enumerable.Range(2, 300).Select(i => new StoredRecord(new ArticleId((ulong)i), Samples.Minimal with
        {
            Title = $"Article {i} " + new string('x', 2000),
            WebUrl = $"https://example.com/{i}",
            OriginalUrl = $"https://example.com/{i}",
        })).ToList();

        (await Store.SaveArticlesAsync(batch, default)).ShouldBeEmpty();

        for (var wait = 0; wait < 100 && new FileInfo(path).Length <= before + 500_000; wait++)
        {
            await Task.Delay(100);
        }

        new FileInfo(path).Length.ShouldBeGreaterThan(before + 500_000);
    }
}

using System.Globalization;
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

    // lede_bm25 (Fts5Rank) is FTS5's bm25 given the IDFs that bm25 would count itself: the same score for every row.
    [Fact]
    public async Task Lede_bm25_given_exact_idfs_scores_every_row_as_bm25_does()
    {
        await SaveAsync(1, "Drone over the harbour", "A drone, then another drone.", ["Drones"]);
        await SaveAsync(2, "Harbour news", "Nothing flies.", []);
        await SaveAsync(3, "Ferries", "The harbour of drone makers.", ["Transport"]);
        await SaveAsync(4, "Markets", "Shares fell.", []);
        await SaveAsync(5, "Weather", "Rain over the bay.", []);
        await SaveAsync(6, "Drone rules", "Drone pilots need a licence for the drone.", []);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "lede.db")}");
        await connection.OpenAsync();
        Fts5Rank.TryRegister(connection).ShouldBeTrue();
        Fts5Rank.TryRegister(connection).ShouldBeTrue();
        const string Columns = "{title excerpt provider topics}";
        double Idf(string word)
        {
            var hits = Scalar(connection, $"SELECT COUNT(*) FROM article_search WHERE article_search MATCH '{Columns} : \"{word}\"'");
            return Math.Max(1e-6, Math.Log((6 - hits + 0.5) / (hits + 0.5)));
        }

        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT bm25(article_search, 10.0, 3.0, 2.0, 2.0, 0.0), lede_bm25(article_search, {Idf("drone"):F12}, {Idf("harbour"):F12})
            FROM article_search WHERE article_search MATCH '{Columns} : ("drone" OR "harbour") AND facets : "lpub0"'
            """);
        var rows = 0;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows++;
                reader.GetDouble(1).ShouldBe(reader.GetDouble(0), 1e-9);
                reader.GetDouble(1).ShouldBeLessThan(0);
            }
        }

        rows.ShouldBe(4);
    }

    // A word most articles hold says little: in a two-word search the rare word's place decides (bm25's IDF).
    [Fact]
    public async Task In_a_two_word_search_the_rare_word_weighs_more_than_the_common_one()
    {
        await SaveAsync(1, "Alpha alpha alpha report", "Beta seen once.", []);
        await SaveAsync(2, "Beta report", "Alpha seen once.", []);
        for (var n = 3; n <= 12; n++)
        {
            await SaveAsync(n, $"Alpha story {n}", "Other words here.", []);
        }

        var hits = await Store.SearchAsync(new SearchQuery("alpha beta"), default);

        hits.Select(h => h.Id).ShouldBe([new ArticleId(2), new ArticleId(1)]);
    }

    private async Task SaveAsync(int n, string title, string excerpt, IReadOnlyList<string> topics)
        => await Store.SaveRecordAsync(new ArticleId((ulong)n), Samples.Minimal with
        {
            Title = title,
            Excerpt = excerpt,
            WebUrl = $"https://example.com/{n}",
            OriginalUrl = $"https://example.com/{n}",
            Topics = topics,
        }, default);

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
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

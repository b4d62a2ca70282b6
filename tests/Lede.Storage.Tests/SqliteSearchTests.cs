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
}

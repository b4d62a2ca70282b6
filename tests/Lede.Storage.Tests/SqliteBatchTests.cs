using Lede.Normalize;
using Lede.Storage.Sqlite;
using Lede.Store;
using Lede.Tests.Records;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Tests;

/// <summary>A batch written a table at a time leaves exactly what saving its articles one at a time leaves.</summary>
public sealed class SqliteBatchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lede-batch-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Batches_of_new_changed_and_unchanged_articles_match_saving_one_at_a_time()
    {
        var batches = BatchComparison.NewChangedAndUnchanged();
        var first = batches[0];
        // The same article twice in one batch, changed the second time: the second is compared with the first.
        var twice = new List<StoredRecord> { first[20], first[20] with { Record = first[20].Record with { Title = "twice" } }, first[21], first[21] };

        await CompareAsync([.. batches, twice]);
    }

    [Fact]
    public async Task A_url_one_article_of_a_batch_leaves_is_free_for_a_later_one_and_a_taken_one_is_refused()
    {
        StoredRecord Article(ulong n, string url) => new(new ArticleId(n), Samples.Minimal with { WebUrl = url, OriginalUrl = url });

        var before = new List<StoredRecord> { Article(1, "https://example.com/a"), Article(2, "https://example.com/b") };
        // 1 moves from /a to /c, then 3 takes /a; 4 asks for /c, which 1 now holds; 5 asks for /b, which 2 still holds.
        var batch = new List<StoredRecord>
        {
            Article(1, "https://example.com/c"), Article(3, "https://example.com/a"), Article(4, "https://example.com/c"),
            Article(5, "https://example.com/b"), Article(6, "https://example.com/f"),
        };

        await using var store = SqliteStore.Open(Path.Combine(_folder, "moved.db"));
        (await store.SaveArticlesAsync(before, default)).ShouldBeEmpty();
        var conflicts = await store.SaveArticlesAsync(batch, default);

        conflicts.Select(c => (c.Id.Value, c.Holder.Value)).ShouldBe([(4UL, 1UL), (5UL, 2UL)]);
        (await store.ReadRecordsAsync(RecordOrder.Imported, default).Select(r => (r.Id.Value, r.Record.WebUrl)).ToListAsync())
            .ShouldBe([(1UL, "https://example.com/c"), (2UL, "https://example.com/b"), (3UL, "https://example.com/a"), (6UL, "https://example.com/f")]);
    }

    [Fact]
    public async Task The_search_index_rows_a_batch_writes_hold_what_the_view_gives()
    {
        // The writer makes each index row from its records (SqliteSearchRow); db check reads the view and compares.
        await using var store = SqliteStore.Open(Path.Combine(_folder, "index.db"));
        foreach (var batch in BatchComparison.NewChangedAndUnchanged())
        {
            await store.SaveArticlesAsync(batch, default);
        }

        (await store.CountArticlesAsync(default)).ShouldBeGreaterThan(0);
        // (The generated records may carry blank topic names, which db check reports as another kind of problem.)
        (await store.CheckAsync(null, default)).Where(p => p.Kind == "search").ShouldBeEmpty();
    }

    private async Task CompareAsync(IEnumerable<List<StoredRecord>> batches)
    {
        await using var batched = SqliteStore.Open(Path.Combine(_folder, "batched.db"));
        await using var oneByOne = SqliteStore.Open(Path.Combine(_folder, "one-by-one.db"));
        await BatchComparison.CompareAsync(batched, oneByOne, batches);
    }
}

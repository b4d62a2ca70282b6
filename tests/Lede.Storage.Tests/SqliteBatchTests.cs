using FsCheck.Fluent;
using Lede.Normalize;
using Lede.Records;
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

    private static List<StoredRecord> Generate(int count, int seed, bool analysis)
    {
        var records = RecordGenerators.Record.Sample(count, seed);
        return records.Select((record, n) =>
        {
            var unique = record with { WebUrl = $"{record.WebUrl}#{n}" };
            return new StoredRecord(new ArticleId((ulong)n + 1), unique, null,
                analysis ? new ArticleAnalysis(n % 7, n % 5 == 4 ? new ArticleId(1) : null, $"{{\"n\":{n}}}") { StoryHeatWhy = n % 3 == 0 ? null : $"why {n}" } : null);
        }).ToList();
    }

    [Fact]
    public async Task Batches_of_new_changed_and_unchanged_articles_match_saving_one_at_a_time()
    {
        var first = Generate(60, 1, analysis: true);
        var second = first.Select((a, n) => n % 3 == 0 ? a with { Record = a.Record with { Title = $"changed {n}", Topics = ["AI"] } } : a)
            .Concat(Generate(80, 2, analysis: true).Skip(60).Select(a => a with { Id = new ArticleId(a.Id.Value + 1000), Record = a.Record with { WebUrl = a.Record.WebUrl + "/b" } }))
            .ToList();
        var imported = Generate(30, 3, analysis: false).Select(a => a with { Id = new ArticleId(a.Id.Value + 5000), Record = a.Record with { WebUrl = a.Record.WebUrl + "/i" } }).ToList();
        var mixed = first.Take(5).Select(a => a with { Analysis = null, Record = a.Record with { Heat = 3 } }).Concat(second.Skip(10).Take(5)).ToList();
        // The same article twice in one batch, changed the second time: the second is compared with the first.
        var twice = new List<StoredRecord> { first[20], first[20] with { Record = first[20].Record with { Title = "twice" } }, first[21], first[21] };

        await CompareAsync([first, second, imported, mixed, twice]);
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

    private async Task CompareAsync(IEnumerable<List<StoredRecord>> batches)
    {
        await using var batched = SqliteStore.Open(Path.Combine(_folder, "batched.db"));
        await using var oneByOne = SqliteStore.Open(Path.Combine(_folder, "one-by-one.db"));
        var saved = new List<StoredRecord>();
        foreach (var batch in batches)
        {
            (await batched.SaveArticlesAsync(batch, default)).ShouldBeEmpty();
            foreach (var article in batch)
            {
                await oneByOne.SaveArticleAsync(article, default);
            }

            saved.AddRange(batch);
        }

        var expected = await oneByOne.ReadRecordsAsync(RecordOrder.Imported, default).ToListAsync();
        var actual = await batched.ReadRecordsAsync(RecordOrder.Imported, default).ToListAsync();
        actual.Select(r => r.Id).ShouldBe(expected.Select(r => r.Id));
        actual.Select(r => RecordWriter.Write(r.Record)).ShouldBe(expected.Select(r => RecordWriter.Write(r.Record)));
        actual.Select(r => (r.Seal, r.Analysis)).ShouldBe(expected.Select(r => (r.Seal, r.Analysis)));
        foreach (var article in saved)
        {
            (await batched.FindArticleByUrlAsync(article.Record.OriginalUrl, default)).ShouldBe(await oneByOne.FindArticleByUrlAsync(article.Record.OriginalUrl, default));
        }

        (await batched.CheckAsync(null, default)).ShouldBe(await oneByOne.CheckAsync(null, default));
    }
}

using FsCheck.Fluent;
using Lede.Normalize;
using Lede.Records;
using Lede.Storage.Postgres;
using Lede.Store;
using Lede.Tests.Records;

namespace Lede.Storage.Tests;

/// <summary>A batch written set-wise leaves exactly what saving its articles one at a time leaves.</summary>
public sealed class PostgresBatchTests : IDisposable
{
    private readonly PostgresDatabase _batched = PostgresDatabase.Create();
    private readonly PostgresDatabase _oneByOne = PostgresDatabase.Create();

    public void Dispose()
    {
        _batched.Dispose();
        _oneByOne.Dispose();
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

        await using var batched = PostgresStore.Open(_batched.ConnectionString);
        await using var oneByOne = PostgresStore.Open(_oneByOne.ConnectionString);
        foreach (var batch in new[] { first, second, imported, mixed })
        {
            (await batched.SaveArticlesAsync(batch, default)).ShouldBeEmpty();
            foreach (var article in batch)
            {
                await oneByOne.SaveArticleAsync(article, default);
            }
        }

        var expected = await oneByOne.ReadRecordsAsync(RecordOrder.Imported, default).ToListAsync();
        var actual = await batched.ReadRecordsAsync(RecordOrder.Imported, default).ToListAsync();
        actual.Select(r => r.Id).ShouldBe(expected.Select(r => r.Id));
        actual.Select(r => RecordWriter.Write(r.Record)).ShouldBe(expected.Select(r => RecordWriter.Write(r.Record)));
        actual.Select(r => (r.Seal, r.Analysis)).ShouldBe(expected.Select(r => (r.Seal, r.Analysis)));
        foreach (var article in second)
        {
            (await batched.FindArticleByUrlAsync(article.Record.OriginalUrl, default)).ShouldBe(await oneByOne.FindArticleByUrlAsync(article.Record.OriginalUrl, default));
        }

        (await batched.CheckAsync(null, default)).ShouldBe(await oneByOne.CheckAsync(null, default));
    }
}

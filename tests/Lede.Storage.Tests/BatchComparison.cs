using FsCheck.Fluent;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Lede.Tests.Records;

namespace Lede.Storage.Tests;

/// <summary>Saves the same batches through a store's batch path and one article at a time, and compares what each store holds.</summary>
internal static class BatchComparison
{
    /// <summary>Generated articles with unique URLs, with the story stages' analysis or as imported records.</summary>
    public static List<StoredRecord> Generate(int count, int seed, bool analysis)
    {
        var records = RecordGenerators.Record.Sample(count, seed);
        return records.Select((record, n) =>
        {
            var unique = record with { WebUrl = $"{record.WebUrl}#{n}" };
            return new StoredRecord(new ArticleId((ulong)n + 1), unique, null,
                analysis ? new ArticleAnalysis(n % 7, n % 5 == 4 ? new ArticleId(1) : null, $"{{\"n\":{n}}}") { StoryHeatWhy = n % 3 == 0 ? null : $"why {n}" } : null);
        }).ToList();
    }

    /// <summary>New articles; a third of them changed plus new ones; imported records; a mix of unchanged and changed.</summary>
    public static List<List<StoredRecord>> NewChangedAndUnchanged()
    {
        var first = Generate(60, 1, analysis: true);
        var second = first.Select((a, n) => n % 3 == 0 ? a with { Record = a.Record with { Title = $"changed {n}", Topics = ["AI"] } } : a)
            .Concat(Generate(80, 2, analysis: true).Skip(60).Select(a => a with { Id = new ArticleId(a.Id.Value + 1000), Record = a.Record with { WebUrl = a.Record.WebUrl + "/b" } }))
            .ToList();
        var imported = Generate(30, 3, analysis: false).Select(a => a with { Id = new ArticleId(a.Id.Value + 5000), Record = a.Record with { WebUrl = a.Record.WebUrl + "/i" } }).ToList();
        var mixed = first.Take(5).Select(a => a with { Analysis = null, Record = a.Record with { Heat = 3 } }).Concat(second.Skip(10).Take(5)).ToList();
        return [first, second, imported, mixed];
    }

    /// <summary>Saves every batch into both stores (whole into <paramref name="batched"/>, one by one into the other) and compares them.</summary>
    public static async Task CompareAsync(IStore batched, IStore oneByOne, IEnumerable<List<StoredRecord>> batches)
    {
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

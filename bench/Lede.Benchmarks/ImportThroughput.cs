using System.Diagnostics;
using Lede.Normalize;
using Lede.Records;
using Lede.Storage.Sqlite;

namespace Lede.Benchmarks;

/// <summary>A plain harness: how many records per second the SQLite store saves, one transaction per article.</summary>
internal static class ImportThroughput
{
    public static async Task RunAsync(int count)
    {
        var template = RecordReader.Read(File.ReadAllBytes(BenchData.SampleRecords().Last()), "sample").Record!;
        var folder = Directory.CreateTempSubdirectory("lede-bench-").FullName;
        try
        {
            await using var store = SqliteStore.Open(Path.Combine(folder, "bench.db"));
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var record = template with { WebUrl = $"{template.WebUrl}?n={i}", Title = $"{template.Title} {i}" };
                await store.SaveRecordAsync(ArticleId.FromUrl(record.WebUrl), record, default);
            }

            clock.Stop();
            Console.WriteLine($"saved {count} records (each with 5 related entries) in {clock.Elapsed.TotalSeconds:F2} s: {count / clock.Elapsed.TotalSeconds:F0} records/s, one transaction each");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

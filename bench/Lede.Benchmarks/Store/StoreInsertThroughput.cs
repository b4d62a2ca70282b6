using System.Diagnostics;
using System.Globalization;
using Lede.Storage;
using Lede.Store;

namespace Lede.Benchmarks.Store;

/// <summary>
/// A plain harness: how many realistic articles per second <see cref="IStore.SaveArticlesAsync"/> stores, in batches, on
/// whichever store <c>--db</c> names (a SQLite file by default, or a PostgreSQL connection string).
/// </summary>
internal static class StoreInsertThroughput
{
    public static async Task RunAsync(StoreBenchArguments arguments)
    {
        var temporary = arguments.Db is null ? Directory.CreateTempSubdirectory("lede-store-bench-").FullName : null;
        var db = arguments.Db ?? Path.Combine(temporary!, "insert.db");
        try
        {
            // A run nonce in every URL: a database that already holds articles still sees only new ones.
            var generator = new StoreArticleGenerator(seed: 11, nonce: "-" + Guid.NewGuid().ToString("N")[..8]);
            await using var store = StoreFactory.Open(db);
            var before = await store.CountArticlesAsync(default);
            await InsertAsync(store, generator, arguments.Count, arguments.Batch, print: true, default);
            var after = await store.CountArticlesAsync(default);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"articles in the store: {before:N0} before, {after:N0} after; database size: {DatabaseSize(db)}"));
        }
        finally
        {
            if (temporary is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    /// <summary>Stores generated articles <paramref name="start"/> to <paramref name="count"/> - 1 in batches; returns the seconds spent inside the store.</summary>
    public static async Task<double> InsertAsync(
        IStore store, StoreArticleGenerator generator, int count, int batch, bool print, CancellationToken ct, int start = 0)
    {
        var block = Math.Min(100_000, Math.Max(batch, count / 10 / batch * batch));
        var inStore = TimeSpan.Zero;
        var cpu = TimeSpan.Zero;
        using var process = Process.GetCurrentProcess();
        var blockTime = TimeSpan.Zero;
        var wall = Stopwatch.StartNew();
        var conflicts = 0;
        // The whole process over the run, background checkpoints included, less what generating and sealing took.
        process.Refresh();
        var processBefore = process.TotalProcessorTime;
        var writtenBefore = BytesWritten();
        var generating = 0.0;
        for (var first = start; first < count; first += batch)
        {
            var generationStart = ThreadCpuClock.Milliseconds();
            var articles = generator.Batch(first, Math.Min(batch, count - first));
            generating += ThreadCpuClock.Milliseconds() - generationStart;
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            conflicts += (await store.SaveArticlesAsync(articles, ct)).Count;
            clock.Stop();
            process.Refresh();
            cpu += process.TotalProcessorTime - cpuBefore;
            inStore += clock.Elapsed;
            blockTime += clock.Elapsed;
            var done = first + articles.Count;
            if (print && (done % block == 0 || done == count) && blockTime > TimeSpan.Zero)
            {
                var size = done % block == 0 ? block : done % block;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {done - size + 1,9:N0}–{done,9:N0}: {size / blockTime.TotalSeconds,8:N0} articles/s"));
                blockTime = TimeSpan.Zero;
            }
        }

        process.Refresh();
        var storeCpu = (process.TotalProcessorTime - processBefore).TotalSeconds - (generating / 1e3);
        var written = BytesWritten() - writtenBefore;
        if (print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stored {count - start:N0} articles in batches of {batch}: {(count - start) / inStore.TotalSeconds:N0} articles/s in the store ({inStore.TotalSeconds:F1} s wall, {(count - start) / cpu.TotalSeconds:N0} per CPU-second), {(count - start) / wall.Elapsed.TotalSeconds:N0}/s with generation and sealing ({wall.Elapsed.TotalSeconds:F1} s); {conflicts} conflicts"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"whole process less generation (background checkpoints included): {(count - start) / storeCpu:N0} articles per CPU-second; {written / 1024.0 / (count - start):N1} KB written per article (wchar)"));
        }

        return inStore.TotalSeconds;
    }

    /// <summary>Bytes this process has written through write calls (<c>wchar</c> in <c>/proc/self/io</c>); 0 where there is none.</summary>
    private static long BytesWritten()
    {
        const string Io = "/proc/self/io";
        if (!File.Exists(Io))
        {
            return 0;
        }

        var line = File.ReadLines(Io).FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.AsSpan(6).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The SQLite file's size with its WAL, or "n/a" for a server database.</summary>
    public static string DatabaseSize(string db)
    {
        if (StoreFactory.IsPostgres(db))
        {
            return "n/a (PostgreSQL)";
        }

        var bytes = new[] { db, db + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        return string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_048_576.0:N0} MB");
    }
}

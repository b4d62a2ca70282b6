using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Lede.Parse;

namespace Lede.Benchmarks;

/// <summary>
/// Why two cores do not parse twice as fast: one thread and two threads over the same feeds, alternated, each with its
/// wall time, process CPU, GC counts, GC pause time and allocation, so a runtime setting or a library change shows on both.
/// </summary>
internal static class ParseScaling
{
    public static void Run(long generatedBytes, int rounds)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lede-parse-scaling-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            var files = FeedCorpusGenerator.Write(folder, generatedBytes);
            var feeds = files.Select(File.ReadAllBytes).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"GC: server {GCSettings.IsServerGC}, latency {GCSettings.LatencyMode}, concurrent {AppContext.GetData("System.GC.Concurrent") ?? "default"}; {feeds.Count} feeds, {feeds.Sum(f => (long)f.Length) / 1e6:F1} MB, largest {feeds.Max(f => f.Length) / 1e3:F0} KB, {Environment.ProcessorCount} cores"));
            ReportResultSize(feeds);
            // Warm-up: the tiered JIT reaches its final tier before anything is counted.
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(10)) Measure("warm-up", feeds.Where((_, i) => i % 8 == 0).ToList(), 1, report: false);
            for (var round = 0; round < rounds; round++)
            {
                Measure("1 thread, from memory", feeds, 1, report: true);
                Measure("2 threads, from memory", feeds, 2, report: true);
                Measure("2 threads, each file read into a reused per-thread buffer", files, 2);
                Measure("2 threads, File.ReadAllBytes per file (as -- parse)", files, 2, readAll: true);
                Measure("1 thread, File.ReadAllBytes per file", files, 1, readAll: true);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>How much of the allocation is the result itself: the item strings (UTF-16, 2 bytes a character plus a header) against all bytes allocated.</summary>
    private static void ReportResultSize(List<byte[]> feeds)
    {
        long input = 0, allocated = 0, html = 0, other = 0;
        foreach (var data in feeds)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var feed = FeedParser.Parse(new FeedInput(data)).Feed;
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            input += data.Length;
            foreach (var item in feed?.Items ?? [])
            {
                html += Size(item.Description) + Size(item.Content);
                other += Size(item.Id) + Size(item.Guid) + Size(item.Title) + Size(item.Link) + item.Categories.Sum(Size)
                    + item.Authors.Sum(a => Size(a.Name) + Size(a.Email)) + item.Enclosures.Sum(e => Size(e.Url)) + Size(item.Image?.Url);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated {allocated / (double)input:F2} bytes per input byte; of which item HTML strings {html / (double)input:F2}, other item strings {other / (double)input:F2}, the rest (tree, lists, records, scratch) {(allocated - html - other) / (double)input:F2}"));

        static long Size(string? s) => s is null ? 0 : (22 + 2L * s.Length + 7) / 8 * 8;
    }

    private static void Measure(string name, List<byte[]> feeds, int threads, bool report)
        => Time(name, threads, report, feeds.Count, i => (feeds[i].Length, Parse(feeds[i])));

    private static void Measure(string name, List<string> files, int threads, bool readAll = false)
    {
        var buffers = new ThreadLocal<byte[]>(() => new byte[1 << 20]);
        Time(name, threads, report: true, files.Count, i =>
        {
            if (readAll)
            {
                var all = File.ReadAllBytes(files[i]);
                return (all.Length, Parse(all));
            }

            var buffer = buffers.Value!;
            var data = Read(files[i], ref buffer);
            buffers.Value = buffer;
            return (data.Length, Parse(data));
        });
        buffers.Dispose();
    }

    private static int Parse(ReadOnlyMemory<byte> data) => FeedParser.Parse(new FeedInput(data)).Feed?.Items.Count ?? 0;

    private static void Time(string name, int threads, bool report, int count, Func<int, (int Bytes, int Items)> parse)
    {
        using var process = Process.GetCurrentProcess();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var cpu = process.TotalProcessorTime;
        long bytes = 0, items = 0;
        var watch = Stopwatch.StartNew();
        if (threads == 1)
        {
            for (var i = 0; i < count; i++)
            {
                var (b, n) = parse(i);
                bytes += b;
                items += n;
            }
        }
        else
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                var (b, n) = parse(i);
                Interlocked.Add(ref bytes, b);
                Interlocked.Add(ref items, n);
            });
        }

        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        if (!report) return;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {bytes / 1e6 / wall:F1} MB/s wall, {bytes / 1e6 / cpuSeconds:F1} MB per CPU-second, {cpuSeconds / wall:F2} cores busy; "
            + $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms "
            + $"({(GC.GetTotalPauseDuration() - pause).TotalSeconds / wall * 100:F1} % of wall), {(GC.GetTotalAllocatedBytes(precise: false) - allocated) / (double)bytes:F2} bytes allocated per byte; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    }

    private static ReadOnlyMemory<byte> Read(string file, ref byte[] buffer)
    {
        using var stream = File.OpenRead(file);
        if (stream.Length > buffer.Length) buffer = new byte[stream.Length];
        var length = 0;
        while (stream.Read(buffer, length, buffer.Length - length) is var n && n > 0) length += n;
        return buffer.AsMemory(0, length);
    }
}

using System.Diagnostics;
using System.Globalization;
using Lede.Parse;

namespace Lede.Benchmarks;

/// <summary>The plain parse harness: feeds/s, items/s and MB/s on the conformance corpora and on a generated corpus.</summary>
internal static class ParseThroughput
{
    private const int CountedPasses = 5;

    public static void Run(long generatedBytes)
    {
        var corpora = FeedsRoot();
        var corpus = Directory.EnumerateFiles(corpora, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        // Warm up the JIT and the code pages so the first corpus does not pay for them.
        Measure(corpus.Take(200).ToList());
        ByFormat.Clear();
        Report("conformance corpora (x5)", MeasureRepeated(corpus, 5));

        var folder = Path.Combine(Path.GetTempPath(), "lede-parse-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            var files = FeedCorpusGenerator.Write(folder, generatedBytes);
            Report($"generated ({files.Count} feeds, every format, 1/6 windows-1252), first pass (cold: the JIT compiles and tiers up meanwhile)", Measure(files));
            WarmUp(files);
            // One pass takes half a second: a blip on a shared machine moves it by a third, so five are counted and the median kept.
            var rates = new List<double>();
            for (var pass = 1; pass <= CountedPasses; pass++)
            {
                var m = Measure(files);
                rates.Add(m.Bytes / 1e6 / m.Time.TotalSeconds);
                Report($"generated ({files.Count} feeds, every format, 1/6 windows-1252), counted pass {pass} of {CountedPasses} after the warm-up", m);
            }

            rates.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"counted passes: median {rates[rates.Count / 2]:F1} MB/s (min {rates[0]:F1}, max {rates[^1]:F1})"));
            MeasureParallel(files);
            MeasureParallelReused(files);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Parses every 8th feed, over and over for at least 15 s, so the tiered JIT has compiled the parse at its final
    /// tier before the counted pass (a long-running crawler parses at that speed; the first pass above shows the cold one).
    /// </summary>
    private static void WarmUp(List<string> files)
    {
        var sample = files.Where((_, i) => i % 8 == 0).ToList();
        var buffer = new byte[1 << 20];
        var watch = Stopwatch.StartNew();
        var passes = 0;
        long bytes = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(15) || passes < 3)
        {
            foreach (var file in sample)
            {
                var data = Read(file, ref buffer);
                FeedParser.Parse(new FeedInput(data));
                bytes += data.Length;
            }

            passes++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: {passes} passes over {sample.Count} of the feeds ({bytes / passes / 1e6:F1} MB) in {watch.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>Parses the generated corpus <paramref name="rounds"/> times from memory, reporting each round: a steady load for a profiler.</summary>
    public static void Loop(long generatedBytes, int rounds)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lede-parse-loop-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        List<byte[]> feeds;
        try
        {
            feeds = FeedCorpusGenerator.Write(folder, generatedBytes).Select(File.ReadAllBytes).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // JSON and XML feeds are timed apart (each group's process CPU time), so a change to one format shows on its own.
        var groups = feeds.GroupBy(f => f.AsSpan().IndexOfAnyExcept(" \t\r\n\uFEFF"u8) is var at && at >= 0 && f[at] is (byte)'{' or (byte)'[' ? "json" : "xml", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Feeds: g.ToList(), Bytes: g.Sum(f => (long)f.Length))).ToList();
        var bytes = feeds.Sum(f => (long)f.Length);
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            var gcs = GC.CollectionCount(0);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            long items = 0;
            var c = 0.0;
            var split = new List<string>();
            foreach (var (name, group, groupBytes) in groups)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                foreach (var data in group) items += FeedParser.Parse(new FeedInput(data)).Feed?.Items.Count ?? 0;
                process.Refresh();
                var groupCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
                c += groupCpu;
                split.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {groupBytes / 1e6 / groupCpu:F1}"));
            }

            var s = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {bytes / 1e6 / s:F1} MB/s, {items / s:F0} items/s, {bytes / 1e6 / c:F1} MB per CPU-second ({string.Join(", ", split)}), {GC.CollectionCount(0) - gcs} gen0 GCs, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)bytes:F2} bytes allocated per byte"));
        }
    }

    /// <summary>One feed per core at a time, as a crawl parses them: wall time including reading each file, memory one feed per thread.</summary>
    private static void MeasureParallel(List<string> files)
    {
        long items = 0, bytes = 0;
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var data = File.ReadAllBytes(file);
            var count = FeedParser.Parse(new FeedInput(data)).Feed?.Items.Count ?? 0;
            Interlocked.Add(ref items, count);
            Interlocked.Add(ref bytes, data.Length);
        });
        var s = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated, {Environment.ProcessorCount} feeds at a time (wall, reading included): {files.Count / s:F0} feeds/s, {items / s:F0} items/s, {bytes / 1e6 / s:F1} MB/s; peak working set {PeakWorkingSet() / 1e6:F0} MB"));
    }

    /// <summary>
    /// The same, each thread reading into one buffer of its own as the single-threaded passes read (the line above allocates an
    /// array per feed, as a crawl's fetch does): the parse alone on two cores, with the process's CPU and the collections.
    /// </summary>
    private static void MeasureParallelReused(List<string> files)
    {
        long items = 0, bytes = 0;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        using var buffers = new ThreadLocal<byte[]>(() => new byte[1 << 20]);
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var buffer = buffers.Value!;
            var data = Read(file, ref buffer);
            buffers.Value = buffer;
            var count = FeedParser.Parse(new FeedInput(data)).Feed?.Items.Count ?? 0;
            Interlocked.Add(ref items, count);
            Interlocked.Add(ref bytes, data.Length);
        });
        var s = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated, {Environment.ProcessorCount} feeds at a time, each thread reading into a reused buffer (wall, reading included): {files.Count / s:F0} feeds/s, {items / s:F0} items/s, {bytes / 1e6 / s:F1} MB/s ({bytes / 1e6 / cpuSeconds:F1} MB per CPU-second, {cpuSeconds / s:F2} cores busy); "
            + $"collections {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms; peak working set {PeakWorkingSet() / 1e6:F0} MB"));
    }

    private static (int Feeds, long Items, long Bytes, int Failed, TimeSpan Time, TimeSpan Cpu) MeasureRepeated(List<string> files, int times)
    {
        var total = (Feeds: 0, Items: 0L, Bytes: 0L, Failed: 0, Time: TimeSpan.Zero, Cpu: TimeSpan.Zero);
        for (var i = 0; i < times; i++)
        {
            var m = Measure(files);
            total = (total.Feeds + m.Feeds, total.Items + m.Items, total.Bytes + m.Bytes, total.Failed + m.Failed, total.Time + m.Time, total.Cpu + m.Cpu);
        }

        return total;
    }

    /// <summary>Reads one file at a time (into one reused buffer) and times only the parse: memory stays proportional to one feed.</summary>
    /// <remarks>
    /// Also takes the process's CPU time over the whole pass (reading the files from the page cache included, a few percent):
    /// on a machine shared with other builds wall time mostly measures the neighbours, CPU time much less so. Asking the
    /// system for it around every feed cost more than small feeds take to parse.
    /// </remarks>
    private static (int Feeds, long Items, long Bytes, int Failed, TimeSpan Time, TimeSpan Cpu) Measure(List<string> files)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = new Stopwatch();
        long items = 0, bytes = 0;
        var failed = 0;
        var buffer = new byte[1 << 20];
        foreach (var file in files)
        {
            var data = Read(file, ref buffer);
            watch.Start();
            var before = watch.Elapsed;
            var result = FeedParser.Parse(new FeedInput(data));
            watch.Stop();
            var format = result.Feed?.Format ?? "failed";
            var (t, b) = ByFormat.GetValueOrDefault(format);
            ByFormat[format] = (t + (watch.Elapsed - before), b + data.Length);
            bytes += data.Length;
            if (result.Feed is null) failed++;
            else items += result.Feed.Items.Count;
        }

        process.Refresh();
        return (files.Count, items, bytes, failed, watch.Elapsed, process.TotalProcessorTime - cpuBefore);
    }

    /// <summary>The file's bytes in <paramref name="buffer"/>, grown when a file is larger: no large array per feed.</summary>
    private static ReadOnlyMemory<byte> Read(string file, ref byte[] buffer)
    {
        using var stream = File.OpenRead(file);
        if (stream.Length > buffer.Length) buffer = new byte[stream.Length];
        var length = 0;
        while (stream.Read(buffer, length, buffer.Length - length) is var n && n > 0) length += n;
        return buffer.AsMemory(0, length);
    }

    private static readonly Dictionary<string, (TimeSpan Time, long Bytes)> ByFormat = new(StringComparer.Ordinal);

    private static void Report(string name, (int Feeds, long Items, long Bytes, int Failed, TimeSpan Time, TimeSpan Cpu) m)
    {
        var formats = string.Join(", ", ByFormat.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value.Bytes / 1e6 / f.Value.Time.TotalSeconds:F0} MB/s")));
        ByFormat.Clear();
        var s = m.Time.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {m.Feeds} feeds ({m.Failed} not feeds), {m.Items} items, {m.Bytes / 1e6:F1} MB in {s:F2} s => {m.Feeds / s:F0} feeds/s, {m.Items / s:F0} items/s, {m.Bytes / 1e6 / s:F1} MB/s ({m.Bytes / 1e6 / m.Cpu.TotalSeconds:F1} MB per CPU-second); peak working set {PeakWorkingSet() / 1e6:F0} MB\n    by format: {formats}"));
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static string FeedsRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var feeds = Path.Combine(dir.FullName, "..", "shared", "corpora", "feeds");
            if (File.Exists(Path.Combine(dir.FullName, "Lede.slnx")) && Directory.Exists(feeds)) return feeds;
        }

        throw new DirectoryNotFoundException("../shared/corpora/feeds beside the repository");
    }
}

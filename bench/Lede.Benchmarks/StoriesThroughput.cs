using System.Diagnostics;
using System.Globalization;
using Lede.Benchmarks.Store;
using Lede.Cluster;

namespace Lede.Benchmarks;

/// <summary>The plain story clustering harness: articles/s per block of a streamed, generated feed, to show the cost per article stays flat.</summary>
/// <remarks>
/// Articles are generated one at a time and dropped once clustered, so the managed memory measured at the checkpoints
/// (after a forced collection) is the clusterer's own: it must follow the active window, not the length of the stream.
/// </remarks>
internal static class StoriesThroughput
{
    private const int Block = 10_000;

    /// <summary>Clusters <paramref name="count"/> articles; with <paramref name="dump"/>, writes each decision (story, score, reasons) there to compare runs; <paramref name="termTableFloor"/> overrides the option of that name.</summary>
    public static void Run(int count, string? dump = null, int? termTableFloor = null)
    {
        using var writer = dump is null ? null : new StreamWriter(dump);
        var options = new StoryClusterOptions();
        var clusterer = new StoryClusterer(termTableFloor is { } floor ? options with { TermTableFloor = floor } : options);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{count} streamed generated articles, 20 s apart ({count * 20.0 / 86400:F1} days of publication time), 7-day window"));
        var total = Stopwatch.StartNew();
        var clustering = TimeSpan.Zero;
        var clusteringCpuMs = 0.0;
        var opened = 0;
        var done = 0;
        var block = Stopwatch.StartNew();
        var blockTime = TimeSpan.Zero;
        var blockCpuMs = 0.0;
        foreach (var document in StoryStreamGenerator.Generate(count, 42))
        {
            var cpuBefore = ThreadCpuClock.Milliseconds();
            var before = Stopwatch.GetTimestamp();
            var assignment = clusterer.Add(document);
            var spent = Stopwatch.GetElapsedTime(before);
            var cpuSpent = ThreadCpuClock.Milliseconds() - cpuBefore;
            clusteringCpuMs += cpuSpent;
            blockCpuMs += cpuSpent;
            opened += assignment.Opened ? 1 : 0;
            writer?.WriteLine(string.Create(inv, $"{document.Id} {assignment.StoryId} {assignment.Score:R} {string.Join(" | ", assignment.Why)}"));
            clustering += spent;
            blockTime += spent;
            done++;
            if (done % Block == 0 || done == count)
            {
                var size = done % Block == 0 ? Block : done % Block;
                var rate = size / blockTime.TotalSeconds;
                Console.WriteLine(string.Create(inv,
                    $"articles {done - size + 1,7}-{done,7}: {rate,7:F0} articles/s ({1000 / rate:F3} ms/article, CPU {blockCpuMs / size:F3}), {clusterer.ActiveStories,6} active stories, {GC.GetTotalMemory(false) / 1_000_000.0,6:F0} MB managed"));
                if (done is 10_000 or 100_000 or 1_000_000 || done == count)
                {
                    Console.WriteLine(string.Create(inv,
                        $"checkpoint {done}: {done / clustering.TotalSeconds:F0} articles/s so far, {GC.GetTotalMemory(true) / 1_000_000.0:F1} MB managed after a full collection, {clusterer.ActiveStories} active stories"));
                }

                blockTime = TimeSpan.Zero;
                blockCpuMs = 0;
                block.Restart();
            }
        }

        // Processor time too: on a shared machine the wall clock counts other people's work.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine(string.Create(inv, $"process CPU time {cpu.TotalSeconds:F1} s for generation and clustering: {done / cpu.TotalSeconds:F0} articles per CPU second"));
        Console.WriteLine(string.Create(inv,
            $"all: {done / clustering.TotalSeconds:F0} articles/s clustering ({1000 * clustering.TotalSeconds / done:F3} ms/article), {done / total.Elapsed.TotalSeconds:F0} articles/s with generation, {opened} stories opened"));
        // The clustering thread's own CPU time: what clustering costs when other work shares the cores.
        Console.WriteLine(string.Create(inv, $"clustering CPU: {done / (clusteringCpuMs / 1000):F0} articles per CPU-second ({clusteringCpuMs / done:F3} ms/article)"));
    }
}

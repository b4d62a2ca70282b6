using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Lede.Enrich;

namespace Lede.Benchmarks;

/// <summary>The plain extraction harness: pages/s of main-text extraction alone (documents parsed beforehand) and with parsing.</summary>
internal static class ExtractThroughput
{
    public static void Run(int rounds)
    {
        var pages = Directory.EnumerateFiles(Path.Combine(CorpusRoot(), "html"), "*.html.gz").Order(StringComparer.Ordinal).Select(Gunzip).ToList();
        var docs = pages.Select(p => HtmlPageLoader.Load(p).Document).ToList();
        var options = new ExtractOptions { IncludeHtml = false };
        // Warm-up: JIT and regex construction.
        // Warm-up rounds: JIT tiers and regex construction, so the timed rounds run optimised code.
        for (var r = 0; r < 3; r++)
        {
            foreach (var d in docs) ArticleExtractor.Extract(d, null, options);
        }

        Report("extract only (text)", docs.Count * rounds, Time(() => { for (var r = 0; r < rounds; r++) foreach (var d in docs) ArticleExtractor.Extract(d, null, options); }));
        Report("extract only (text + sanitized HTML)", docs.Count * rounds, Time(() => { for (var r = 0; r < rounds; r++) foreach (var d in docs) ArticleExtractor.Extract(d); }));
        Report("parse only", docs.Count * rounds, Time(() => { for (var r = 0; r < rounds; r++) foreach (var p in pages) HtmlPageLoader.Load(p); }));
        Report("parse + extract (text)", docs.Count * rounds, Time(() => { for (var r = 0; r < rounds; r++) foreach (var p in pages) ArticleExtractor.Extract(HtmlPageLoader.Load(p).Document, null, options); }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{docs.Count} pages, {pages.Sum(p => (long)p.Length) / 1e6:F1} MB; peak working set {Environment.WorkingSet / 1e6:F0} MB"));
        GC.KeepAlive(docs);
    }

    /// <summary>Wall time and this process's CPU time: on a shared machine the CPU figure is the one that says what one core does.</summary>
    private static (TimeSpan Wall, TimeSpan Cpu) Time(Action action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        return (watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static void Report(string name, int pages, (TimeSpan Wall, TimeSpan Cpu) t)
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {pages} pages in {t.Wall.TotalSeconds:F2} s wall => {pages / t.Wall.TotalSeconds:F0} pages/s; {t.Cpu.TotalSeconds:F2} s CPU => {pages / t.Cpu.TotalSeconds:F0} pages/s per core"));

    private static byte[] Gunzip(string file)
    {
        using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    private static string CorpusRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var corpus = Path.Combine(dir.FullName, "..", "shared", "corpora", "extraction");
            if (File.Exists(Path.Combine(dir.FullName, "Lede.slnx")) && Directory.Exists(corpus)) return corpus;
        }

        throw new DirectoryNotFoundException("../shared/corpora/extraction beside the repository");
    }
}

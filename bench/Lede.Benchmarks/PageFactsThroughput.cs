using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using AngleSharp.Html.Parser;
using Lede.Enrich;

namespace Lede.Benchmarks;

/// <summary>The plain page-facts harness: pages/s of PageFactsReader on the sample newsroom and the extraction corpus, with and without HTML parsing.</summary>
internal static class PageFactsThroughput
{
    public static void Run(int rounds)
    {
        var newsroom = NewsroomPages();
        var corpus = CorpusPages();
        // Warm up the JIT so the first corpus does not pay for it.
        Measure(newsroom, 1, parse: true);
        Report($"sample newsroom ({newsroom.Count} pages x{rounds})", newsroom, rounds);
        Report($"extraction corpus ({corpus.Count} pages x{rounds})", corpus, rounds);
    }

    private static void Report(string name, List<(string Html, Uri Url)> pages, int rounds)
    {
        var bytes = pages.Sum(p => (long)Encoding.UTF8.GetByteCount(p.Html)) * rounds;
        var withParse = Measure(pages, rounds, parse: true);
        var readOnly = Measure(pages, rounds, parse: false);
        var n = pages.Count * rounds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {bytes / 1e6:F1} MB\n    parse + read: {n / withParse.TotalSeconds:F0} pages/s ({withParse.TotalMilliseconds / n:F2} ms/page)\n    read only:    {n / readOnly.TotalSeconds:F0} pages/s ({readOnly.TotalMilliseconds / n:F2} ms/page)"));
    }

    private static TimeSpan Measure(List<(string Html, Uri Url)> pages, int rounds, bool parse)
    {
        var parser = new HtmlParser();
        var watch = new Stopwatch();
        var images = 0;
        for (var r = 0; r < rounds; r++)
        {
            // Parsed outside the clock when parsing is excluded; one round at a time keeps memory small.
            var documents = parse ? null : pages.Select(p => parser.ParseDocument(p.Html)).ToList();
            for (var i = 0; i < pages.Count; i++)
            {
                watch.Start();
                var document = documents?[i] ?? parser.ParseDocument(pages[i].Html);
                images += PageFactsReader.Read(document, pages[i].Url).Images.Count;
                watch.Stop();
            }

            documents?.ForEach(d => d.Dispose());
        }

        GC.KeepAlive(images);
        return watch.Elapsed;
    }

    private static List<(string, Uri)> NewsroomPages()
    {
        var root = Path.Combine(BenchData.RepoRoot(), "samples", "newsroom");
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is "" or ".html" or ".amp" && !f.Contains("/tools/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (File.ReadAllText(f), new Uri("https://" + Path.GetRelativePath(root, f).Replace('\\', '/'))))];
    }

    private static List<(string, Uri)> CorpusPages()
    {
        var folder = Path.Combine(BenchData.RepoRoot(), "..", "shared", "corpora", "extraction", "html");
        return [.. Directory.EnumerateFiles(folder, "*.html.gz").Order(StringComparer.Ordinal).Select(f => (Gunzip(f), new Uri("https://corpus.example/" + Path.GetFileName(f))))];
    }

    private static string Gunzip(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

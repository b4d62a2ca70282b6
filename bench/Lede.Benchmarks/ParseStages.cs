using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lede.Benchmarks.Legacy;
using Lede.Parse;
using Lede.Text;

namespace Lede.Benchmarks;

/// <summary>Where parse time goes: decoding, the XML tree or JSON tokens, the readers, and the sanitizer alone (old and new in one process).</summary>
internal static class ParseStages
{
    public static void Run(long generatedBytes)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lede-parse-stages-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            var files = FeedCorpusGenerator.Write(folder, generatedBytes).Select(File.ReadAllBytes).ToList();
            for (var round = 0; round < 2; round++) MeasureStages(files, report: round == 1);
            RaceXmlReaders(files);
            MeasureFieldWork(files);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        MeasureSanitizers();
    }

    private static void MeasureStages(List<byte[]> files, bool report)
    {
        var decode = new Stopwatch();
        var tree = new Stopwatch();
        var full = new Stopwatch();
        var json = new Stopwatch();
        var strict = new Stopwatch();
        var jsonFull = new Stopwatch();
        long bytes = 0, jsonBytes = 0;
        foreach (var data in files)
        {
            bytes += data.Length;
            var warnings = new List<ParseWarning>();
            decode.Start();
            var text = FeedDecoder.Decode(data, null, warnings);
            decode.Stop();
            tree.Start();
            if (text.TrimStart()[0] == '{')
            {
                // The floor for the JSON readers: a bare forward read of every token, as they make it.
                json.Start();
                var reader = new Utf8JsonReader(data, JsonValues.Options);
                while (reader.Read())
                {
                }

                json.Stop();
                jsonBytes += data.Length;
                jsonFull.Start();
                FeedParser.Parse(new FeedInput(data));
                jsonFull.Stop();
            }
            else
            {
                XmlTreeBuilder.Build(text, warnings);
                tree.Stop();
                strict.Start();
                XmlTreeBuilder.TryBuildStrict(data);
                strict.Stop();
            }

            tree.Stop();
            full.Start();
            FeedParser.Parse(new FeedInput(data));
            full.Stop();
        }

        if (!report) return;
        var mb = bytes / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stages on {mb:F1} MB: decode {mb / decode.Elapsed.TotalSeconds:F0} MB/s, decode+tree {mb / (decode.Elapsed + tree.Elapsed).TotalSeconds:F0} MB/s, "
            + $"full parse {mb / full.Elapsed.TotalSeconds:F0} MB/s; "
            + $"XML tree {(bytes - jsonBytes) / 1e6 / (tree.Elapsed - json.Elapsed).TotalSeconds:F0} MB/s, JSON tokens read through {jsonBytes / 1e6 / json.Elapsed.TotalSeconds:F0} MB/s, full JSON parse {jsonBytes / 1e6 / jsonFull.Elapsed.TotalSeconds:F0} MB/s; "
            + $"XmlReader tree from bytes (no decode) {(bytes - jsonBytes) / 1e6 / strict.Elapsed.TotalSeconds:F0} MB/s"));
    }

    /// <summary>
    /// The XML tree from bytes two ways on the same XML feeds, alternating so load hits both alike: System.Xml's XmlReader
    /// (the previous fast path) against decoding plus <see cref="XmlScanner"/> (the current one).
    /// </summary>
    private static void RaceXmlReaders(List<byte[]> files)
    {
        var xml = new List<(ReadOnlyMemory<byte> Bytes, System.Text.Encoding Encoding)>();
        var other = new List<byte[]>();
        foreach (var data in files)
        {
            if (FeedDecoder.TryXmlBytes(data, null, out var bytes, out var encoding)) xml.Add((bytes, encoding));
            else other.Add(data);
        }

        var systemXml = new Stopwatch();
        var scanner = new Stopwatch();
        var decode = new Stopwatch();
        var readers = new Stopwatch();
        var readerFull = new Stopwatch();
        var scannerFull = new Stopwatch();
        var chars = new char[xml.Count == 0 ? 0 : xml.Max(x => x.Bytes.Length)];
        var otherFull = new Stopwatch();
        var accepted = 0;
        long total = 0, otherBytes = 0;
        for (var round = 0; round < 4; round++)
        {
            foreach (var (bytes, encoding) in xml)
            {
                systemXml.Start();
                XmlTreeBuilder.TryBuildStrict(bytes);
                systemXml.Stop();
                scanner.Start();
                var root = XmlScanner.TryRead(bytes.Span, encoding);
                if (root is not null && round == 0) accepted++;
                scanner.Stop();
                readers.Start();
                if (root is not null) FeedParser.ReadXml(root, new ReadContext([], null));
                readers.Stop();

                // The whole parse both ways: the previous XmlReader path (tree, then the same readers) and FeedParser as it is now.
                readerFull.Start();
                if (XmlTreeBuilder.TryBuildStrict(bytes) is { } strictRoot) FeedParser.ReadXml(strictRoot, new ReadContext([], null));
                readerFull.Stop();
                scannerFull.Start();
                FeedParser.Parse(new FeedInput(bytes));
                scannerFull.Stop();
                decode.Start();
                FeedDecoder.DecodeXml(bytes.Span, encoding, chars);
                decode.Stop();
                if (round > 0) continue;
                total += bytes.Length;
            }

            // The rest of the corpus (JSON) parses the same way in both builds; timed once per round for the whole-corpus figure.
            otherFull.Start();
            foreach (var data in other) FeedParser.Parse(new FeedInput(data));
            otherFull.Stop();
            if (round == 0) otherBytes = other.Sum(d => (long)d.Length);

            // The first round warms both up.
            if (round != 0) continue;
            foreach (var watch in (Stopwatch[])[systemXml, scanner, decode, readers, readerFull, scannerFull, otherFull]) watch.Reset();
        }

        var mb = 3 * total / 1e6;
        var all = mb + (3 * otherBytes / 1e6);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole generated corpus x3 ({all:F0} MB, XML and JSON): previous XmlReader path {all / (readerFull.Elapsed + otherFull.Elapsed).TotalSeconds:F0} MB/s, "
            + $"current {all / (scannerFull.Elapsed + otherFull.Elapsed).TotalSeconds:F0} MB/s, ratio {(readerFull.Elapsed + otherFull.Elapsed) / (scannerFull.Elapsed + otherFull.Elapsed):F2}x; "
            + $"JSON feeds alone {3 * otherBytes / 1e6 / otherFull.Elapsed.TotalSeconds:F0} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"full parse of the same XML feeds x3, tree by XmlReader {mb / readerFull.Elapsed.TotalSeconds:F0} MB/s, by XmlScanner {mb / scannerFull.Elapsed.TotalSeconds:F0} MB/s, ratio {readerFull.Elapsed / scannerFull.Elapsed:F2}x; "
            + $"the readers after the tree {mb / readers.Elapsed.TotalSeconds:F0} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"XML tree from bytes on {xml.Count} feeds x3 ({mb:F0} MB): XmlReader {mb / systemXml.Elapsed.TotalSeconds:F0} MB/s, XmlScanner (decoding into a reused buffer) {mb / scanner.Elapsed.TotalSeconds:F0} MB/s "
            + $"(decoding alone {mb / decode.Elapsed.TotalSeconds:F0} MB/s), ratio {systemXml.Elapsed / scanner.Elapsed:F2}x; the scanner read {accepted} of {xml.Count} itself"));
    }

    /// <summary>The per-field work the readers do, timed alone on the corpus's own fields: sanitizing, plain titles, dates.</summary>
    private static void MeasureFieldWork(List<byte[]> files)
    {
        var html = new List<string>();
        var titles = new List<string>();
        var dates = new List<string>();
        foreach (var data in files)
        {
            var text = FeedDecoder.Decode(data, null, []);
            if (text.TrimStart()[0] == '{')
            {
                using var doc = JsonDocument.Parse(text);
                Collect(doc.RootElement, html, titles, dates);
            }
            else if (XmlTreeBuilder.Build(text, []) is { } root)
            {
                Collect(root, html, titles, dates);
            }
        }

        long bytes = 0;
        foreach (var data in files) bytes += data.Length;
        var mb = bytes / 1e6;
        var sanitize = Time(() => html.ForEach(h => HtmlSanitizer.Sanitize(h, "https://example.com/feed/")));
        var plain = Time(() => titles.ForEach(t => HtmlText.ToPlain(t)));
        var date = Time(() => dates.ForEach(d => DateParser.Parse(d)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"field work per MB of feed: sanitize {html.Count} bodies {1000 * sanitize.TotalSeconds / mb:F2} ms, plain text {titles.Count} titles {1000 * plain.TotalSeconds / mb:F2} ms, "
            + $"{dates.Count} dates {1000 * date.TotalSeconds / mb:F2} ms"));
    }

    private static TimeSpan Time(Action action)
    {
        action();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static void Collect(XmlNode node, List<string> html, List<string> titles, List<string> dates)
    {
        switch (node.Name)
        {
            case "description" or "encoded" or "content" or "summary":
                html.Add(node.Text);
                break;
            case "title" or "creator" or "name" or "category":
                titles.Add(node.Text);
                break;
            case "pubDate" or "date" or "updated":
                dates.Add(node.Text);
                break;
        }

        foreach (var child in node.Children) Collect(child, html, titles, dates);
    }

    private static void Collect(JsonElement e, List<string> html, List<string> titles, List<string> dates)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Collect(item, html, titles, dates);
        }

        if (e.ValueKind != JsonValueKind.Object) return;
        foreach (var p in e.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String)
            {
                var list = p.Name switch
                {
                    "content_html" or "excerpt" => html,
                    "title" => titles,
                    "date_published" or "publishedDateTime" => dates,
                    _ => null,
                };
                list?.Add(p.Value.GetString()!);
            }
            else
            {
                Collect(p.Value, html, titles, dates);
            }
        }
    }

    /// <summary>The old and the new sanitizer on the same generated item HTML, alternating, so machine load hits both alike.</summary>
    private static void MeasureSanitizers()
    {
        var random = new Random(7);
        var html = Enumerable.Range(0, 20_000).Select(_ => FeedCorpusGenerator.Html(random)).ToList();
        var chars = html.Sum(h => (long)h.Length);
        var legacy = new Stopwatch();
        var current = new Stopwatch();
        for (var round = 0; round < 4; round++)
        {
            legacy.Start();
            foreach (var h in html) LegacyHtmlSanitizer.Sanitize(h, "https://example.com/feed/");
            legacy.Stop();
            current.Start();
            foreach (var h in html) HtmlSanitizer.Sanitize(h, "https://example.com/feed/");
            current.Stop();
        }

        var mb = 4 * chars / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sanitizer on {html.Count} item bodies x4 ({mb:F0} M chars): old {mb / legacy.Elapsed.TotalSeconds:F0} M chars/s, new {mb / current.Elapsed.TotalSeconds:F0} M chars/s, ratio {legacy.Elapsed / current.Elapsed:F2}x"));
    }
}

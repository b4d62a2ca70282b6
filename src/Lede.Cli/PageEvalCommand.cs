using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lede.Enrich;

namespace Lede.Cli;

/// <summary><c>lede page eval</c>: the article-extraction benchmark's precision, recall and F1 for Lede's extractor or a published system's output.</summary>
internal static class PageEvalCommand
{
    public static Command Create()
    {
        var manifest = new Option<string?>("--manifest") { Description = "JSONL of {\"file\": …, \"url\": …}; files relative to the manifest's folder (.html or .html.gz)" };
        var truth = new Option<string?>("--truth") { Description = "ground-truth.json: {id: {articleBody, url}}; ids are file names without .html(.gz), or matched by url" };
        var corpus = new Option<string?>("--corpus") { Description = "A benchmark folder: html/<id>.html.gz and ground-truth.json (when no --manifest)" };
        var pred = new Option<string?>("--pred") { Description = "Score this system output file ({id: {articleBody}}, optionally wrapped in {\"output\": …}) instead of running Lede" };
        var worst = new Option<int>("--worst") { Description = "How many worst pages to list", DefaultValueFactory = _ => 10 };
        var half = new Option<string?>("--half") { Description = "Only the pages at odd or even positions (1-based, in manifest order): 'odd' or 'even', for a held-out check" };
        var command = new Command("eval", """
            Score main-text extraction with the article-extraction benchmark's metric: \w+ tokens, 4-token shingle multisets,
            per-page TP/FP/FN normalised to 1, precision and recall averaged over pages, F1 of the means. Prints P, R, F1,
            the pages/s of Lede's extractor and the worst pages.
            """) { manifest, truth, corpus, pred, worst, half };
        command.SetAction(parse =>
        {
            var pages = LoadPages(parse.GetValue(manifest), parse.GetValue(corpus), parse.GetValue(truth), out var truths);
            var which = parse.GetValue(half);
            if (which is not null && which is not ("odd" or "even")) throw new CliException("--half takes 'odd' or 'even'");
            if (which is not null) pages = pages.Where((_, i) => (i % 2 == 0) == (which == "odd")).ToList();
            var predPath = parse.GetValue(pred);
            var predictions = predPath is null ? null : LoadPredictions(predPath);
            var rows = new List<(string Id, ShingleMatch Match)>();
            var watch = Stopwatch.StartNew();
            foreach (var page in pages)
            {
                var expected = truths.GetValueOrDefault(page.Id) ?? "";
                string predicted;
                if (predictions is not null) predicted = predictions.GetValueOrDefault(page.Id) ?? "";
                else
                {
                    var loaded = HtmlPageLoader.Load(PageFiles.Read(page.File));
                    predicted = ArticleExtractor.Extract(loaded.Document, page.Url, new ExtractOptions { IncludeHtml = false }).Text;
                }

                rows.Add((page.Id, ExtractionScore.Match(expected, predicted)));
            }

            watch.Stop();
            var m = ExtractionScore.Aggregate(rows.Select(r => r.Match).ToList());
            var system = predPath is null ? "lede" : Path.GetFileNameWithoutExtension(predPath);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{system}: F1 {m.F1:F3}  precision {m.Precision:F3}  recall {m.Recall:F3}  ({m.Pages} pages)"));
            if (predictions is null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load + extract: {pages.Count / watch.Elapsed.TotalSeconds:F0} pages/s"));
            }

            foreach (var (id, match) in rows.OrderBy(r => r.Match.F1).Take(parse.GetValue(worst)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  F1 {match.F1:F3}  P {match.Precision:F3}  R {match.Recall:F3}  {id}"));
            }

            return ExitCode.Success;
        });
        return command;
    }

    private sealed record EvalPage(string Id, string File, Uri? Url);

    private static List<EvalPage> LoadPages(string? manifest, string? corpus, string? truthPath, out Dictionary<string, string> truths)
    {
        if (manifest is null && corpus is null) throw new CliException("give --manifest M.jsonl (with --truth) or --corpus DIR");
        truthPath ??= corpus is not null ? Path.Combine(corpus, "ground-truth.json") : throw new CliException("--manifest needs --truth");
        truths = new Dictionary<string, string>(StringComparer.Ordinal);
        var byUrl = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var doc = ReadJson(truthPath))
        {
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                truths[p.Name] = Field(p.Value, "articleBody") ?? "";
                if (Field(p.Value, "url") is { } u) byUrl.TryAdd(u, p.Name);
            }
        }

        var pages = new List<EvalPage>();
        if (manifest is null)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(corpus!, "html")).Order(StringComparer.Ordinal))
            {
                var id = IdOf(file);
                pages.Add(new EvalPage(id, file, Uri.TryCreate(TruthUrl(byUrl, id), UriKind.Absolute, out var u) ? u : null));
            }

            return pages;
        }

        foreach (var entry in PageFiles.ReadManifest(manifest))
        {
            var id = IdOf(entry.File);
            if (!truths.ContainsKey(id) && entry.Url is not null && byUrl.TryGetValue(entry.Url.OriginalString, out var byLink)) id = byLink;
            pages.Add(new EvalPage(id, entry.File, entry.Url));
        }

        return pages;
    }

    private static string? TruthUrl(Dictionary<string, string> byUrl, string id) => byUrl.FirstOrDefault(kv => kv.Value == id).Key;

    private static string IdOf(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var ext in (string[])[".html.gz", ".htm.gz", ".html", ".htm", ".gz"])
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return name[..^ext.Length];
        }

        return name;
    }

    private static string? Field(JsonElement? e, string name)
        => e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static Dictionary<string, string> LoadPredictions(string path)
    {
        using var doc = ReadJson(path);
        var root = doc.RootElement;
        if (root.TryGetProperty("output", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object) root = wrapped;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject()) result[p.Name] = Field(p.Value, "articleBody") ?? "";
        return result;
    }

    private static JsonDocument ReadJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new CliException($"{path} is not JSON: {e.Message}");
        }
    }
}

using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lede.Parse;
using Lede.Tests.Support;

namespace Lede.Conformance.Tests;

/// <summary>One case of a suite: where it lives and what became of it.</summary>
internal sealed record CaseOutcome(string Suite, string Folder, string File, Verdict Verdict, string Why, int Compared = 0, int Matched = 0);

/// <summary>Runs the three feed suites under ../shared/corpora/feeds.</summary>
internal static partial class ConformanceRun
{
    public static string FeedsRoot => Repo.Shared("corpora/feeds");

    /// <summary>Every file of the suites, for the no-exception check.</summary>
    public static IEnumerable<string> AllFiles()
        => Directory.EnumerateFiles(FeedsRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static IEnumerable<CaseOutcome> Feedparser()
    {
        var root = Path.Combine(FeedsRoot, "feedparser", "tests");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var head = FeedDecoder.Decode(bytes, null, []);
            var expect = ExpectLine().Match(head);
            var rel = Path.GetRelativePath(root, file);
            var folder = string.Join('/', rel.Split(Path.DirectorySeparatorChar).SkipLast(1).Take(2));
            if (!expect.Success) continue;
            var contentType = Header(head, "Content-type:");
            // feedparser's suite serves each file from 127.0.0.1:8097; Content-Location, when given, is the base.
            var docUri = new Uri("http://127.0.0.1:8097/tests/" + rel.Replace('\\', '/'));
            var location = Header(head, "Content-Location:");
            var url = location is null ? docUri : new Uri(docUri, location);
            var result = FeedParser.Parse(new FeedInput(bytes, contentType, url));
            var bozo = result.Feed is null || result.Warnings.Any(w => w.Kind is "xml" or "encoding");
            var projection = result.Feed is null ? new JsonObject { ["feed"] = new JsonObject(), ["entries"] = new JsonArray() } : Projection.Feedparser(result.Feed);
            var (verdict, why) = FeedparserExpectation.Evaluate(expect.Groups["v"].Value.Trim(), projection, bozo, FeedparserVersion(result.Feed));
            yield return new CaseOutcome("feedparser", folder, rel, verdict, why);
        }
    }

    public static IEnumerable<CaseOutcome> Gofeed()
    {
        var root = Path.Combine(FeedsRoot, "gofeed", "testdata");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(root, file);
            var folder = string.Join('/', rel.Split(Path.DirectorySeparatorChar).SkipLast(1));
            string? expectedPath = null;
            if (file.EndsWith(".xml", StringComparison.Ordinal)) expectedPath = Path.ChangeExtension(file, ".json");
            else if (file.EndsWith(".json", StringComparison.Ordinal) && !file.EndsWith("_expected.json", StringComparison.Ordinal)
                     && !File.Exists(Path.ChangeExtension(file, ".xml")))
            {
                expectedPath = file[..^5] + "_expected.json";
            }

            if (expectedPath is null || !File.Exists(expectedPath)) continue;
            var result = FeedParser.Parse(new FeedInput(File.ReadAllBytes(file)));
            var expected = JsonNode.Parse(File.ReadAllText(expectedPath));
            yield return Judge("gofeed", folder, rel, expected, result.Feed is null ? null : Projection.Gofeed(result.Feed, folder.Replace('\\', '/')), result.Error);
        }
    }

    public static IEnumerable<CaseOutcome> Rowanmanning()
    {
        var root = Path.Combine(FeedsRoot, "rowanmanning");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "content"), "feed.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var dir = Path.GetDirectoryName(file)!;
            var folder = Path.GetFileName(Path.GetDirectoryName(dir)!);
            var snapshot = Path.Combine(root, "snapshots", folder, Path.GetFileName(dir) + ".json");
            if (!File.Exists(snapshot)) continue;
            var doc = JsonNode.Parse(File.ReadAllText(snapshot))!;
            var url = doc["url"]?.GetValue<string>();
            var result = FeedParser.Parse(new FeedInput(File.ReadAllBytes(file), null, url is null ? null : new Uri(url)));
            yield return Judge("rowanmanning", folder, Path.GetRelativePath(root, file), doc["feed"],
                result.Feed is null ? null : Projection.Rowan(result.Feed), result.Error);
        }
    }

    private static string? Header(string head, string name)
        => HeaderLines().Matches(head).Select(m => m.Groups["v"].Value.Trim())
            .Where(h => h.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h[name.Length..].Trim()).FirstOrDefault();

    private static CaseOutcome Judge(string suite, string folder, string rel, JsonNode? expected, JsonNode? actual, string? error)
    {
        if (expected is null) return new CaseOutcome(suite, folder, rel, Verdict.NotApplicable, "no expectation");
        if (actual is null) return new CaseOutcome(suite, folder, rel, Verdict.Fail, $"no feed: {error}");
        var (verdict, compared, matched, why) = JsonExpectation.Compare(expected, actual);
        return new CaseOutcome(suite, folder, rel, verdict, verdict == Verdict.Fail ? $"{matched}/{compared} fields; {why}" : "", compared, matched);
    }

    private static string? FeedparserVersion(Feed? feed) => feed switch
    {
        null => null,
        { Format: "atom" } => feed.Version == "0.3" ? "atom03" : "atom10",
        { Format: "rdf" } => feed.Version == "0.9" ? "rss090" : "rss10",
        { Format: "rss" } => "rss" + feed.Version?.Replace(".", "", StringComparison.Ordinal),
        { Format: "json" } => "json" + feed.Version?.Replace(".", "", StringComparison.Ordinal),
        _ => feed.Format,
    };

    /// <summary>The table: one row per suite and folder, then one per suite.</summary>
    public static string Table(IReadOnlyList<CaseOutcome> outcomes)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| suite | folder | cases | pass | by design | fail | n/a | pass rate | pass or by design | fields matched |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var g in outcomes.GroupBy(o => o.Suite + "\t" + o.Folder, StringComparer.Ordinal).Select(g => (Key: (Suite: g.First().Suite, Folder: g.First().Folder), Items: g.ToList())).OrderBy(g => g.Key.Suite, StringComparer.Ordinal).ThenBy(g => g.Key.Folder, StringComparer.Ordinal))
        {
            Row(sb, g.Key.Suite, g.Key.Folder, g.Items);
        }

        foreach (var g in outcomes.GroupBy(o => o.Suite, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row(sb, $"**{g.Key}**", "all", [.. g]);
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string suite, string folder, List<CaseOutcome> cases)
    {
        var pass = cases.Count(c => c.Verdict == Verdict.Pass);
        var fail = cases.Count(c => c.Verdict == Verdict.Fail);
        var byDesign = cases.Count(c => c.Verdict == Verdict.ByDesign);
        sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"| {suite} | {folder} | {cases.Count} | {pass} | {byDesign} | {fail} | {cases.Count - pass - fail - byDesign} | {Rate(cases):P1} | {RateWithDesign(cases):P1} | {FieldRate(cases)} |");
    }

    /// <summary>For the JSON-snapshot suites: the share of compared fields that matched (a case passes only if all do).</summary>
    public static string FieldRate(IEnumerable<CaseOutcome> cases)
    {
        var compared = cases.Sum(c => c.Compared);
        return compared == 0 ? "-" : ((double)cases.Sum(c => c.Matched) / compared).ToString("P1", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The share of applicable cases that are right or differ only by design (see <see cref="Verdict.ByDesign"/>).</summary>
    public static double RateWithDesign(IEnumerable<CaseOutcome> cases)
    {
        var applicable = cases.Where(c => c.Verdict != Verdict.NotApplicable).ToList();
        return applicable.Count == 0 ? 1 : (double)applicable.Count(c => c.Verdict is Verdict.Pass or Verdict.ByDesign) / applicable.Count;
    }

    /// <summary>The share of applicable cases that are right (cases different by design count as applicable, not passed).</summary>
    public static double Rate(IEnumerable<CaseOutcome> cases)
    {
        var applicable = cases.Where(c => c.Verdict != Verdict.NotApplicable).ToList();
        return applicable.Count == 0 ? 1 : (double)applicable.Count(c => c.Verdict == Verdict.Pass) / applicable.Count;
    }

    [GeneratedRegex(@"Expect:\s*(?<v>.*)", RegexOptions.NonBacktracking)]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"Header:\s*(?<v>.*)", RegexOptions.NonBacktracking)]
    private static partial Regex HeaderLines();
}

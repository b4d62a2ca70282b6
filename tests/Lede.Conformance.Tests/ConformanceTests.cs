using System.Globalization;
using Lede.Parse;
using Xunit.Abstractions;

namespace Lede.Conformance.Tests;

public sealed class ConformanceTests(ITestOutputHelper output)
{
    // Floors a few points under the measured rates (see README "Feed parsing"): they catch regressions, not noise.
    // Measured 2026-11-24: feedparser 66.7 % of applicable cases; gofeed 87.7 % of cases, 93.0 % of fields;
    // rowanmanning 3 of 12 whole snapshots (each has 30-2000 fields), 96.4 % of fields.
    private static readonly Dictionary<string, double> Floors = new(StringComparer.Ordinal)
    {
        ["feedparser"] = 0.63,
        ["gofeed"] = 0.84,
        ["rowanmanning"] = 0.16,
    };

    private static readonly Dictionary<string, double> FieldFloors = new(StringComparer.Ordinal)
    {
        ["gofeed"] = 0.90,
        ["rowanmanning"] = 0.93,
    };

    [Fact]
    public void Every_file_of_the_three_suites_parses_without_an_exception()
    {
        var count = 0;
        foreach (var file in ConformanceRun.AllFiles())
        {
            var bytes = File.ReadAllBytes(file);
            Should.NotThrow(() => FeedParser.Parse(new FeedInput(bytes)), file);
            Should.NotThrow(() => FeedParser.Parse(new FeedInput(bytes, "text/xml; charset=utf-8", new Uri("http://example.com/feed"))), file);
            count++;
        }

        count.ShouldBeGreaterThan(900);
    }

    [Fact]
    public void Pass_rates_stay_above_their_floors()
    {
        var outcomes = ConformanceRun.Feedparser().Concat(ConformanceRun.Gofeed()).Concat(ConformanceRun.Rowanmanning()).ToList();
        var table = ConformanceRun.Table(outcomes);
        output.WriteLine(table);
        var folder = Path.Combine(AppContext.BaseDirectory, "conformance");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "pass-rates.md"), table);
        File.WriteAllLines(Path.Combine(folder, "failures.txt"),
            outcomes.Where(o => o.Verdict != Verdict.Pass).Select(o => $"{o.Verdict}\t{o.Suite}\t{o.File}\t{o.Why}"));
        foreach (var (suite, floor) in Floors)
        {
            var rate = ConformanceRun.Rate(outcomes.Where(o => o.Suite == suite));
            rate.ShouldBeGreaterThanOrEqualTo(floor, string.Create(CultureInfo.InvariantCulture, $"{suite} pass rate {rate:P1} fell under {floor:P0}"));
        }

        foreach (var (suite, floor) in FieldFloors)
        {
            var cases = outcomes.Where(o => o.Suite == suite).ToList();
            var rate = (double)cases.Sum(c => c.Matched) / Math.Max(1, cases.Sum(c => c.Compared));
            rate.ShouldBeGreaterThanOrEqualTo(floor, string.Create(CultureInfo.InvariantCulture, $"{suite} field match rate {rate:P1} fell under {floor:P0}"));
        }
    }
}

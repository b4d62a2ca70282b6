using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Lede.EndToEnd.Tests;

public sealed class PageEvalCommandTests : IDisposable
{
    private const string Para = "The harbour authority said on Monday that the new ferry route would start in May, with six crossings a day and lower fares for residents of the islands.";
    private readonly string _dir = Directory.CreateTempSubdirectory("lede-page-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Eval_scores_a_manifest_of_pages_and_a_published_output_file()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "one.html"),
            $"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><p>{Para}</p><p>{Para} Tickets go on sale next week.</p></article><footer>Contact us</footer></body></html>");
        await using (var gz = new GZipStream(File.Create(Path.Combine(_dir, "two.html.gz")), CompressionLevel.Fastest))
        {
            await gz.WriteAsync(Encoding.UTF8.GetBytes($"<html><body><div class='entry-content'><p>{Para.Replace("ferry", "bus", StringComparison.Ordinal)}</p></div><div class='related'><a href='/x'>Other story</a></div></body></html>"));
        }

        await File.WriteAllTextAsync(Path.Combine(_dir, "manifest.jsonl"),
            "{\"file\": \"one.html\", \"url\": \"https://example.org/one\"}\n{\"file\": \"two.html.gz\", \"url\": \"https://example.org/two\"}\n");
        var bus = Para.Replace("ferry", "bus", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_dir, "truth.json"), JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["one"] = new { articleBody = $"{Para}\n\n{Para} Tickets go on sale next week.", url = "https://example.org/one" },
            ["two"] = new { articleBody = bus, url = "https://example.org/two" },
        }));
        await File.WriteAllTextAsync(Path.Combine(_dir, "system.json"), JsonSerializer.Serialize(new
        {
            version = "1",
            output = new Dictionary<string, object>(StringComparer.Ordinal) { ["one"] = new { articleBody = Para }, ["two"] = new { articleBody = "Home News Other story" } },
        }));

        var lede = await LedeCli.RunAsync(_dir, "page", "eval", "--manifest", "manifest.jsonl", "--truth", "truth.json", "--worst", "2");
        lede.ExitCode.ShouldBe(0, lede.Stderr);
        lede.Stdout.ShouldContain("lede: F1 1.000  precision 1.000  recall 1.000  (2 pages)");

        var system = await LedeCli.RunAsync(_dir, "page", "eval", "--manifest", "manifest.jsonl", "--truth", "truth.json", "--pred", "system.json");
        system.ExitCode.ShouldBe(0, system.Stderr);
        // Page one: half the truth's shingles found, no false ones (P 1, R ~0.5); page two: nothing right (P 0, R 0).
        var first = system.Stdout.Split('\n')[0];
        first.ShouldStartWith("system: F1 ");
        var precision = double.Parse(first.Split("precision ")[1][..5], CultureInfo.InvariantCulture);
        precision.ShouldBe(0.5);
        system.Stdout.ShouldContain("F1 0.000  P 0.000  R 0.000  two");
    }

    [Fact]
    public async Task Eval_without_pages_is_a_usage_failure()
    {
        var run = await LedeCli.RunAsync(_dir, "page", "eval");
        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("--manifest");
    }
}

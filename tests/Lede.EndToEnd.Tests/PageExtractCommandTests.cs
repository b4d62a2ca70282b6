using System.Text.Json;
using Lede.Tests.Support;

namespace Lede.EndToEnd.Tests;

public sealed class PageExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lede-page-extract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Newsroom(string path) => Path.Combine(Repo.Root, "samples", "newsroom", path);

    [Fact]
    public async Task A_page_file_gives_its_facts_text_and_provider()
    {
        var page = Newsroom("www.dailydot.com/debug/un-calls-facial-recognition-ai-moratotium/index.html");

        var run = await LedeCli.RunAsync(_dir, "page", "extract", page, "--url", "https://www.dailydot.com/debug/un-calls-facial-recognition-ai-moratotium/");

        run.ExitCode.ShouldBe(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        root.GetProperty("canonicalUrl").GetString().ShouldBe("https://www.dailydot.com/debug/un-calls-facial-recognition-ai-moratotium/");
        root.GetProperty("cdnAmpUrl").GetString()
            .ShouldBe("https://www-dailydot-com.cdn.ampproject.org/c/s/www.dailydot.com/debug/un-calls-facial-recognition-ai-moratotium/?amp");
        root.GetProperty("provider").GetProperty("domain").GetString().ShouldBe("dailydot.com");
        root.GetProperty("publishedDateTime").GetString().ShouldBe("2021-09-16T20:13:00Z");
        root.GetProperty("text").GetString()!.ShouldContain("moratorium on the sale and use of artificial intelligence");
        root.GetProperty("images")[0].GetProperty("width").GetInt32().ShouldBe(2000);
    }

    [Fact]
    public async Task A_manifest_goes_on_past_a_missing_page_and_learns_a_sites_boilerplate()
    {
        var amnesty = Directory.GetFiles(Newsroom("www.amnesty.org.uk/press-releases"), "*", SearchOption.AllDirectories).Take(3).ToList();
        var lines = amnesty.Select((f, i) => JsonSerializer.Serialize(new { file = f, url = $"https://www.amnesty.org.uk/press-releases/{i}" }))
            .Append("""{"file": "missing.html", "url": "https://example.org/x"}""");
        await File.WriteAllLinesAsync(Path.Combine(_dir, "m.jsonl"), lines);

        var run = await LedeCli.RunAsync(_dir, "page", "extract", "--manifest", "m.jsonl", "--jsonl");

        run.ExitCode.ShouldBe(1);
        var outputs = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        outputs.Count.ShouldBe(4);
        outputs[3].GetProperty("error").GetString()!.ShouldContain("missing.html");
        foreach (var page in outputs.Take(3))
        {
            // Every Amnesty UK page describes itself with the same "We are Amnesty International UK…" text.
            page.GetProperty("excerpt").GetString()!.ShouldNotStartWith("We are Amnesty International UK");
        }
    }
}

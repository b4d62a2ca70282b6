using System.Text.Json;
using Lede.Tests.Support;

namespace Lede.EndToEnd.Tests;

public sealed class FeedParseCommandTests
{
    private static string Fixture(string name) => Path.Combine(Repo.Root, "tests", "Lede.Tests", "Parse", "Fixtures", name);

    [Fact]
    public async Task Jsonl_prints_one_object_per_input_in_order_and_failures_do_not_stop_the_rest()
    {
        var missing = Path.Combine(Path.GetTempPath(), "lede-no-such-feed.xml");
        var run = await LedeCli.RunAsync(Repo.Root, "feed", "parse", "--jsonl",
            Fixture("rss20-full-item.xml"), "http://127.0.0.1:8080/feed", missing, Fixture("atom03-feed.xml"));

        run.ExitCode.ShouldBe(1);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        using var rss = JsonDocument.Parse(lines[0]);
        rss.RootElement.GetProperty("format").GetString().ShouldBe("rss");
        rss.RootElement.GetProperty("updated").GetString().ShouldBe("2021-09-16T20:13:00Z");
        rss.RootElement.GetProperty("items")[0].GetProperty("enclosures")[0].GetProperty("length").GetInt64().ShouldBe(1234);
        using var url = JsonDocument.Parse(lines[1]);
        // A URL goes through the safe fetcher, which refuses loopback unless --allow-private.
        url.RootElement.GetProperty("error").GetString().ShouldBe(
            "Fetching http://127.0.0.1:8080/feed failed: refused to connect: 127.0.0.1 is loopback, and private networks are not allowed");
        using var gone = JsonDocument.Parse(lines[2]);
        gone.RootElement.GetProperty("file").GetString().ShouldBe(missing);
        gone.RootElement.TryGetProperty("error", out _).ShouldBeTrue();
        using var atom = JsonDocument.Parse(lines[3]);
        atom.RootElement.GetProperty("format").GetString().ShouldBe("atom");
        atom.RootElement.GetProperty("version").GetString().ShouldBe("0.3");
    }

    [Fact]
    public async Task Parsed_inputs_exit_0_with_pretty_json_and_warnings()
    {
        var run = await LedeCli.RunAsync(Repo.Root, "feed", "parse", Fixture("rss20-undeclared-html-entities-and-bare-ampersand.xml"));

        run.ExitCode.ShouldBe(0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        doc.RootElement.GetProperty("title").GetString().ShouldBe("Tom & Jerry — news");
        doc.RootElement.GetProperty("warnings")[0].GetProperty("kind").GetString().ShouldBe("xml");
        run.Stdout.ShouldContain("\n  \"format\"", Case.Sensitive);
    }

    [Fact]
    public async Task Items_show_the_feeds_own_guid_and_author_uris()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lede-feed-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Desk</title><id>urn:desk</id><updated>2026-11-20T10:00:00Z</updated>
              <entry>
                <title>Given id</title><id>urn:item:1</id><updated>2026-11-20T10:00:00Z</updated>
                <link href="https://example.org/1"/>
                <author><name>Ann</name><uri>https://example.org/ann</uri></author>
              </entry>
              <entry><title>No id</title><updated>2026-11-20T11:00:00Z</updated><link href="https://example.org/2"/></entry>
            </feed>
            """);
        try
        {
            var run = await LedeCli.RunAsync(Repo.Root, "feed", "parse", file);

            run.ExitCode.ShouldBe(0, run.Stderr);
            using var doc = JsonDocument.Parse(run.Stdout);
            var items = doc.RootElement.GetProperty("items");
            items[0].GetProperty("guid").GetString().ShouldBe("urn:item:1");
            items[0].GetProperty("authors")[0].GetProperty("uri").GetString().ShouldBe("https://example.org/ann");
            // The second entry's id is derived from its link; the feed gave none.
            items[1].GetProperty("id").GetString().ShouldBe("https://example.org/2");
            items[1].GetProperty("guid").ValueKind.ShouldBe(JsonValueKind.Null);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

using System.Text.Json;

namespace Lede.EndToEnd.Tests;

public sealed class DedupeCommandTests : IDisposable
{
    private const string Body = "The city council voted on Thursday to bar police and other city departments from using facial recognition software, joining a growing list of cities that restrict the technology over privacy concerns. The ordinance forbids agencies from buying any system that identifies people from images of their faces.";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lede-dedupe-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Each_line_says_which_earlier_document_it_copies_and_bad_lines_do_not_stop_the_rest()
    {
        var input = Path.Combine(_dir.FullName, "docs.jsonl");
        await File.WriteAllLinesAsync(input, [
            JsonSerializer.Serialize(new { id = "wire", title = "Council bans face scans", text = Body, publishedDateTime = "2026-11-24T12:00:00Z" }),
            """{"id": "broken", "text": """,
            JsonSerializer.Serialize(new { id = "copy", title = "Another headline", text = Body + " Copyright 2026 The Associated Press.", publishedDateTime = "2026-11-24T14:00:00Z" }),
            JsonSerializer.Serialize(new { id = "other", text = "An unrelated story about a new chip that trains language models faster than the last generation, announced by a company on Wednesday with a list of customers.", publishedDateTime = "2026-11-24T14:00:00Z" }),
        ]);

        var run = await LedeCli.RunAsync(_dir.FullName, "dedupe", "--in", input);

        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("line 2: not JSON");
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Count.ShouldBe(4);
        lines[0].GetProperty("duplicateOf").ValueKind.ShouldBe(JsonValueKind.Null);
        lines[1].GetProperty("line").GetInt32().ShouldBe(2);
        lines[2].GetProperty("id").GetString().ShouldBe("copy");
        lines[2].GetProperty("duplicateOf").GetString().ShouldBe("wire");
        lines[2].GetProperty("similarity").GetDouble().ShouldBeGreaterThanOrEqualTo(0.8);
        lines[3].GetProperty("duplicateOf").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}

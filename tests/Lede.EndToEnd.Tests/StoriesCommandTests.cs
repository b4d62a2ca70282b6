using System.Text.Json;

namespace Lede.EndToEnd.Tests;

public sealed class StoriesCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lede-stories-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Cluster_then_eval_writes_one_line_per_readable_input_and_scores_it()
    {
        var docs = Path.Combine(_dir.FullName, "docs.jsonl");
        await File.WriteAllLinesAsync(docs, [
            """{"doc_id": "q2", "cluster": "quake", "source": "wire", "date": "2026-03-10", "title": "Sendai quake: no tsunami warning after magnitude 6.1 tremor", "text": "Japan Meteorological Agency said the magnitude 6.1 earthquake off Miyagi near Sendai caused no tsunami. Tohoku Electric found no damage at Onagawa."}""",
            """{"id": "w1", "cluster": "waterville", "publishedDateTime": "2026-03-09T09:00:00Z", "title": "Waterville police halt facial recognition pilot after council vote", "text": "The Waterville City Council voted 5-2 to stop the police pilot of Clearview facial recognition software. Chief Marie Dubois said officers ran 40 Clearview searches."}""",
            """{"id": "broken", "title": """,
            """{"id": "q1", "cluster": "quake", "publishedDateTime": "2026-03-10T02:00:00Z", "title": "Magnitude 6.1 earthquake strikes near Sendai, Japan", "text": "A magnitude 6.1 earthquake struck off Miyagi near Sendai, the Japan Meteorological Agency said. No tsunami warning was issued; Tohoku Electric reported no damage at Onagawa."}""",
            """{"id": "w2", "cluster": "waterville", "publishedDateTime": "2026-03-09T15:00:00Z", "title": "Council ends Waterville police use of Clearview tool", "text": "Waterville councillors ordered police to end a trial of Clearview facial recognition. Chief Marie Dubois told the council the department ran 40 Clearview searches."}""",
        ]);
        var assignments = Path.Combine(_dir.FullName, "assignments.jsonl");

        var cluster = await LedeCli.RunAsync(_dir.FullName, "stories", "cluster", "--in", docs, "--out", assignments);

        cluster.ExitCode.ShouldBe(1);
        cluster.Stderr.ShouldContain("line 3: not JSON");
        var lines = (await File.ReadAllLinesAsync(assignments)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("id").GetString()).ShouldBe(["q2", "w1", "q1", "w2"]);
        var story = lines.ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("story").GetInt64(), StringComparer.Ordinal);
        // Publication order: the Waterville articles came first, so they opened story 1.
        (story["w1"], story["w2"], story["q1"], story["q2"]).ShouldBe((1, 1, 2, 2));

        var eval = await LedeCli.RunAsync(_dir.FullName, "stories", "eval", "--pred", assignments, "--gold", docs, "--json");

        using var figures = JsonDocument.Parse(eval.Stdout);
        figures.RootElement.GetProperty("bCubedF1").GetDouble().ShouldBe(1);
        figures.RootElement.GetProperty("pairF1").GetDouble().ShouldBe(1);
        figures.RootElement.GetProperty("goldClusters").GetInt32().ShouldBe(2);
        // The gold file's broken line is reported again by eval, so it exits 1 too.
        eval.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Eval_prints_B_cubed_and_pairwise_figures_for_a_csv_gold_file()
    {
        var gold = Path.Combine(_dir.FullName, "gold.csv");
        await File.WriteAllLinesAsync(gold, ["ID,TITLE,STORY,TIMESTAMP", "1,a,x,1394470501265", "2,b,x,1394470501266", "3,c,y,1394470501267"]);
        var pred = Path.Combine(_dir.FullName, "pred.jsonl");
        await File.WriteAllLinesAsync(pred, ["""{"id": "1", "story": 1}""", """{"id": "2", "story": 1}""", """{"id": "3", "story": 1}"""]);

        var run = await LedeCli.RunAsync(_dir.FullName, "stories", "eval", "--pred", pred, "--gold", gold);

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("stories: 1 predicted, 2 gold");
        run.Stdout.ShouldContain("B-cubed   P 55.56 %  R 100.00 %");
        run.Stdout.ShouldContain("pairwise  P 33.33 %  R 100.00 %  F1 50.00 %");
    }
}

using System.Text.Json;
using Lede.Tests.Support;

namespace Lede.EndToEnd.Tests;

public sealed class TopicsCommandTests : IDisposable
{
    private static readonly string Labelled = Path.Combine(Repo.Root, "tests", "Lede.EndToEnd.Tests", "Fixtures", "topics-labelled.jsonl");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lede-topics-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Train_then_classify_writes_one_line_per_input_and_bad_lines_do_not_stop_the_rest()
    {
        var model = Path.Combine(_dir.FullName, "topics.model");
        var train = await LedeCli.RunAsync(_dir.FullName, "topics", "train", "--in", Labelled, "--model", model, "--folds", "2");
        train.ExitCode.ShouldBe(0, train.Stderr);
        train.Stdout.ShouldStartWith("trained on 16 documents");
        File.Exists(model).ShouldBeTrue();

        var input = Path.Combine(_dir.FullName, "in.jsonl");
        await File.WriteAllLinesAsync(input, [
            """{"id": "a", "title": "Robot arm with a gripper", "text": "The robotic arm uses sensors and motors in the factory."}""",
            """{"id": "b", "title": "broken""",
            """{"id": "c", "title": "Late goal wins the derby", "text": "The striker scored in the league match."}""",
        ]);
        var output = Path.Combine(_dir.FullName, "out.jsonl");
        var classify = await LedeCli.RunAsync(_dir.FullName, "topics", "classify", "--model", model, "--in", input, "--out", output, "--taxonomy", "default");

        classify.ExitCode.ShouldBe(1);
        classify.Stderr.ShouldContain("line 2: not JSON");
        var lines = await File.ReadAllLinesAsync(output);
        lines.Length.ShouldBe(3);
        using var a = JsonDocument.Parse(lines[0]);
        a.RootElement.GetProperty("id").GetString().ShouldBe("a");
        var labels = a.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        // Robotics from the model and the rules, AI because the default taxonomy makes Robotics imply it.
        labels.ShouldBe(["Robotics", "AI"], ignoreOrder: true);
        a.RootElement.GetProperty("scores").GetProperty("Robotics").GetDouble().ShouldBeGreaterThan(0.5);
        using var b = JsonDocument.Parse(lines[1]);
        b.RootElement.GetProperty("line").GetInt32().ShouldBe(2);
        using var c = JsonDocument.Parse(lines[2]);
        c.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ShouldBe(["Sport"]);
    }

    [Fact]
    public async Task Eval_prints_accuracy_macro_F1_and_per_label_figures()
    {
        var run = await LedeCli.RunAsync(_dir.FullName, "topics", "eval", "--in", Labelled, "--folds", "4");

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("16 documents, 4-fold cross-validation");
        run.Stdout.ShouldContain("macro-F1");
        run.Stdout.ShouldContain("Robotics");
        run.Stdout.ShouldContain("Sport");
    }

    [Fact]
    public async Task A_missing_model_is_one_line_on_stderr_and_exit_1()
    {
        var run = await LedeCli.RunAsync(_dir.FullName, "topics", "classify", "--model", "nope.model", "--in", Labelled);

        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldBe("lede: model nope.model does not exist\n");
    }
}

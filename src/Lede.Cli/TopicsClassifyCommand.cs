using System.CommandLine;
using System.Text.Json;
using Lede.Classify;

namespace Lede.Cli;

/// <summary><c>lede topics classify --model FILE --in X.jsonl --out Y.jsonl</c>: one <c>{id, labels[], scores{}}</c> line per input line.</summary>
internal static class TopicsClassifyCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "A model written by 'lede topics train'" };
        var taxonomy = new Option<string?>("--taxonomy")
        {
            Description = "Also apply the rules and hierarchy of the topics: section of this YAML file, or 'default' for the built-in AI desk taxonomy",
        };
        var input = new Option<string>("--in") { Description = "JSON Lines: {id, title, text} per line", Required = true };
        var output = new Option<string?>("--out") { Description = "Where to write the results (default: standard output)" };
        var explain = new Option<bool>("--explain") { Description = "Add each topic's reasons (phrases and terms behind its score)" };
        var command = new Command("classify", """
            Classify every line of --in with a trained model, the rules of a taxonomy, or both, and write one line
            {id, labels[], scores{}} per input line in order. A line that cannot be read gives {line, error} and the
            rest go on; the exit code is 1 when any was skipped.
            """) { model, taxonomy, input, output, explain };
        command.SetAction(parse =>
        {
            var classifier = new TopicClassifier(LoadTaxonomy(parse.GetValue(taxonomy)), LoadModel(parse.GetValue(model)));
            if (parse.GetValue(model) is null && parse.GetValue(taxonomy) is null)
            {
                throw new CliException("give --model FILE, --taxonomy FILE|default, or both");
            }

            var inPath = parse.GetValue(input)!;
            if (!File.Exists(inPath))
            {
                throw new CliException($"{inPath} does not exist");
            }

            var outPath = parse.GetValue(output);
            using var reader = new StreamReader(inPath);
            using var writer = outPath is null ? null : new StreamWriter(outPath);
            var to = writer ?? Console.Out;
            var skipped = 0;
            var number = 0;
            for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var document = TopicCorpus.ParseLine(line, number, out var error);
                if (document is null)
                {
                    skipped++;
                    Console.Error.WriteLine($"lede: {inPath}: {error}");
                    to.WriteLine(JsonSerializer.Serialize(new { line = number, error }, CliJson.Options));
                    continue;
                }

                var result = classifier.Classify(document.Title, document.Text);
                var scores = result.Scores.ToDictionary(s => s.Topic, s => Math.Round(s.Score, 4), StringComparer.Ordinal);
                to.WriteLine(parse.GetValue(explain)
                    ? JsonSerializer.Serialize(new { id = document.Id, labels = result.Labels, scores, reasons = result.Scores.ToDictionary(s => s.Topic, s => s.Reasons, StringComparer.Ordinal) }, CliJson.Options)
                    : JsonSerializer.Serialize(new { id = document.Id, labels = result.Labels, scores }, CliJson.Options));
            }

            return skipped > 0 ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }

    private static TopicModel? LoadModel(string? path)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new CliException($"model {path} does not exist");
        }

        using var file = File.OpenRead(path);
        try
        {
            return TopicModel.Load(file);
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"{path}: {e.Message}");
        }
    }

    private static Taxonomy LoadTaxonomy(string? path)
    {
        if (path is null)
        {
            return Taxonomy.Empty;
        }

        if (path == "default")
        {
            return Taxonomy.Default;
        }

        if (!File.Exists(path))
        {
            throw new CliException($"taxonomy {path} does not exist");
        }

        var result = Taxonomy.Parse(File.ReadAllText(path), path);
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"lede: {error}");
        }

        return result.Taxonomy;
    }
}

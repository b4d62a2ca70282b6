using System.CommandLine;
using System.Text.Json;
using Lede.Dedupe;

namespace Lede.Cli;

/// <summary><c>lede dedupe --in docs.jsonl</c>: one <c>{id, duplicateOf, method, similarity, why}</c> line per input line.</summary>
internal static class DedupeCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--in") { Description = "JSON Lines: {id, title?, text, publishedDateTime?} per line", Required = true };
        var output = new Option<string?>("--out") { Description = "Where to write the results (default: standard output)" };
        var window = new Option<double>("--window-days") { Description = "Documents further apart in time are never duplicates", DefaultValueFactory = _ => 7 };
        var command = new Command("dedupe", """
            Find duplicates in --in, read in input order as a stream: each document is compared with the earlier
            originals of the last --window-days and written as {id, duplicateOf, method, similarity, why}, with
            duplicateOf null for an original. A line that cannot be read gives {line, error} and the rest go on;
            the exit code is 1 when any was skipped.
            """) { input, output, window };
        command.SetAction(parse =>
        {
            var inPath = parse.GetValue(input)!;
            if (!File.Exists(inPath))
            {
                throw new CliException($"{inPath} does not exist");
            }

            var days = parse.GetValue(window);
            if (!(days > 0 && days <= 3650))
            {
                throw new CliException("--window-days must be between 0 and 3650");
            }

            var index = new DuplicateIndex(new DuplicateIndexOptions { Window = TimeSpan.FromDays(days) });
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

                var document = DedupeDocument.Parse(line, number, out var error, out var warning);
                if (warning is not null)
                {
                    Console.Error.WriteLine($"lede: {inPath}: {warning}");
                }

                if (document is null)
                {
                    skipped++;
                    Console.Error.WriteLine($"lede: {inPath}: {error}");
                    to.WriteLine(JsonSerializer.Serialize(new { line = number, error }, CliJson.Options));
                    continue;
                }

                var match = index.Add(document.Id, TextFingerprint.Create(document.Title, document.Text), document.Published);
                to.WriteLine(JsonSerializer.Serialize(
                    new { id = document.Id, duplicateOf = match?.OfId, method = match?.Method.ToString(), similarity = match is null ? (double?)null : Math.Round(match.Similarity, 4), why = match?.Why },
                    CliJson.Options));
            }

            return skipped > 0 ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }
}

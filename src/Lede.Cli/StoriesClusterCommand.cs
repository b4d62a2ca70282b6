using System.CommandLine;
using System.Text.Json;
using Lede.Cluster;

namespace Lede.Cli;

/// <summary><c>lede stories cluster --in docs.jsonl --out assignments.jsonl</c>: one <c>{id, story}</c> line per readable input line, in input order.</summary>
internal static class StoriesClusterCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--in")
        {
            Description = "JSON Lines {id, title?, text, publishedDateTime?, provider?, url?} (also doc_id, date, source; cluster ignored), or a CSV with a header (UCI News Aggregator)",
            Required = true,
        };
        var output = new Option<string?>("--out") { Description = "Where to write the assignments (default: standard output)" };
        var explain = new Option<bool>("--explain") { Description = "Add why each document joined or opened its story" };
        var threshold = new Option<double?>("--threshold") { Description = "Score a story must reach to be joined (default 0.16)" };
        var strong = new Option<double?>("--strong") { Description = "Score that joins without shared names or headline words (default 0.45)" };
        var shortFactor = new Option<double?>("--short-factor") { Description = "Share of the threshold a headline-length document must reach (default 0.7)" };
        var sigma = new Option<double?>("--sigma-days") { Description = "Standard deviation of the time feature in days (default 3)" };
        var window = new Option<double?>("--window-days") { Description = "Days a story stays active after its newest article (default 7)" };
        var merge = new Option<double?>("--merge") { Description = "Similarity at which two stories an article would join both merge (default 0.5 for full text; headline-only stories 0.168 of it, 0.084; 0 never)" };
        var command = new Command("cluster", """
            Cluster documents into stories online, with no look-ahead: in publication order when they have dates, else in
            input order. Writes one line {id, story} per readable input line, in input order. A line that cannot be read
            is one warning on stderr naming it; the rest go on and the exit code is 1.
            """) { input, output, explain, threshold, strong, shortFactor, sigma, window, merge };
        command.SetAction(parse =>
        {
            var options = new StoryClusterOptions();
            options = parse.GetValue(threshold) is { } t ? options with { JoinThreshold = t } : options;
            options = parse.GetValue(strong) is { } s ? options with { StrongThreshold = s } : options;
            options = parse.GetValue(shortFactor) is { } f ? options with { ShortTextFactor = f } : options;
            options = parse.GetValue(sigma) is { } g ? options with { TimeSigmaDays = g } : options;
            options = parse.GetValue(window) is { } w ? options with { WindowDays = w } : options;
            options = parse.GetValue(merge) is { } m ? options with { MergeThreshold = m } : options;
            var corpus = StoriesFiles.Read(parse.GetValue(input)!);
            var clusterer = new StoryClusterer(options);
            var assigned = new Dictionary<StoryCorpusEntry, StoryAssignment>(ReferenceEqualityComparer.Instance);
            // A story merged into an earlier one later on: its earlier articles are written with the earlier id.
            var merges = new StoryIdMap();
            foreach (var entry in StoryCorpus.PublicationOrder(corpus.Entries))
            {
                var assignment = clusterer.Add(entry.Document);
                merges.Record(assignment);
                assigned[entry] = assignment;
            }

            var outPath = parse.GetValue(output);
            using var writer = outPath is null ? null : new StreamWriter(outPath);
            var to = writer ?? Console.Out;
            foreach (var entry in corpus.Entries)
            {
                var a = assigned[entry];
                var story = merges.Resolve(a.StoryId);
                to.WriteLine(parse.GetValue(explain)
                    ? JsonSerializer.Serialize(new { id = entry.Document.Id, story, opened = a.Opened, score = Math.Round(a.Score, 4), why = a.Why }, CliJson.Options)
                    : JsonSerializer.Serialize(new { id = entry.Document.Id, story }, CliJson.Options));
            }

            return corpus.Warnings.Count > 0 ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }
}

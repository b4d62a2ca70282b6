using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lede.Pipeline;
using Lede.Storage;

namespace Lede.Cli;

/// <summary><c>lede explain ID</c>: an article's topic scores, story, quality points, heat parts and publishing verdict, with their reasons.</summary>
internal static class ExplainCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = ArticleIdArgument.Create();
        var json = new Option<bool>("--json") { Description = "Print the explanation as JSON" };
        var command = new Command("explain", "Show why an article got its topics, story, quality, heat and publishing decision") { id, json };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(id)!;
            var articleId = ArticleIdArgument.Parse(text);

            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var stored = await store.FindRecordAsync(articleId, ct) ?? throw new CliException($"there is no article {text}");
            var decisions = await store.ReadDecisionsAsync(articleId, ct);
            var explanation = Explanation.FromJson(stored.Analysis?.Explain);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    id = text,
                    title = stored.Record.Title,
                    published = stored.Record.Published,
                    explanation,
                    decisions = decisions.Select(d => new { action = d.Action.ToString().ToLowerInvariant(), editor = d.Editor, at = d.At, why = d.Why }),
                }, CliJson.Options));
                return ExitCode.Success;
            }

            var record = stored.Record;
            Console.WriteLine($"{text}  {record.Title}");
            Console.WriteLine($"  {record.Provider.Name} ({record.Provider.Domain}), {record.PublishedDateTime:yyyy-MM-dd HH:mm}Z");
            if (explanation is null)
            {
                Console.WriteLine("  not curated yet (imported, or stored before the story stages ran): no explanation is kept");
            }
            else
            {
                // The heat is the story's, as of its latest article: newer than the article's own explanation.
                var heat = stored.Analysis?.StoryHeatWhy is { } why
                    ? new ScoreReason(record.Heat, why.Split('\n'))
                    : explanation.Heat;
                Print(explanation with { Heat = heat });
            }

            Console.WriteLine($"published: {(record.Published ? "yes" : "no")}");
            if (decisions.Count > 0)
            {
                Console.WriteLine($"  editor (outranks the rules): {decisions[^1]}");
                foreach (var earlier in decisions.Reverse().Skip(1))
                {
                    Console.WriteLine($"    earlier: {earlier}");
                }
            }
            else if (explanation is not null)
            {
                foreach (var line in explanation.Publish.Why)
                {
                    Console.WriteLine($"  rules: {line}");
                }
            }

            return ExitCode.Success;
        });
        return command;
    }

    private static void Print(Explanation e)
    {
        Console.WriteLine("topics:");
        foreach (var topic in e.Topics)
        {
            Console.WriteLine($"  {topic.Topic} {topic.Score.ToString("0.00", CultureInfo.InvariantCulture)}: {string.Join("; ", topic.Reasons)}");
        }

        if (e.CopyOf is { } copy)
        {
            Console.WriteLine($"copy of {copy.Of} ({copy.Method}, similarity {copy.Similarity.ToString("0.00", CultureInfo.InvariantCulture)}): {copy.Why}");
        }
        else if (e.Story is { } story)
        {
            Console.WriteLine($"story {story.Id}: {(story.Opened ? "opened it" : "joined")} (score {story.Score.ToString("0.000", CultureInfo.InvariantCulture)})");
            foreach (var line in story.Why)
            {
                Console.WriteLine($"  {line}");
            }

            foreach (var line in story.Merges ?? [])
            {
                Console.WriteLine($"  absorbed: {line}");
            }
        }

        Console.WriteLine($"quality {e.Quality.Value}:");
        foreach (var part in e.Quality.Parts)
        {
            Console.WriteLine($"  {part}");
        }

        Console.WriteLine($"heat {e.Heat.Value}:");
        foreach (var part in e.Heat.Parts)
        {
            Console.WriteLine($"  {part}");
        }
    }
}

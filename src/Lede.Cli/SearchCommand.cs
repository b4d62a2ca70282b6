using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lede.Storage;
using Lede.Store;

namespace Lede.Cli;

/// <summary><c>lede search QUERY</c>: the stored articles that match, best first, with their matched words marked.</summary>
internal static class SearchCommand
{
    public static Command Create(GlobalOptions global)
    {
        var query = new Argument<string[]>("QUERY")
        {
            Description = "Words that must all match (stemmed), \"quoted phrases\", -excluded words; put a leading -word after --",
            Arity = ArgumentArity.OneOrMore,
        };
        var topic = new Option<string?>("--topic") { Description = "Only articles carrying this topic (any case)", HelpName = "T" };
        var since = new Option<DateTime?>("--since")
        {
            Description = "Only articles published at or after this date or time (UTC unless it gives an offset)",
            HelpName = "DATE",
            CustomParser = ParseSince,
        };
        var published = new Option<bool>("--published") { Description = "Only published articles" };
        var limit = new Option<int>("--limit") { Description = "At most this many hits (1-1000)", DefaultValueFactory = _ => 20, HelpName = "N" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--limit must be between 1 and 1000");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print the hits as a JSON array" };
        var command = new Command("search", "Search the stored articles' titles, excerpts, providers and topics") { query, topic, since, published, limit, json };
        command.SetAction(async (parse, ct) =>
        {
            var search = new SearchQuery(
                string.Join(' ', parse.GetValue(query) ?? []),
                parse.GetValue(topic),
                parse.GetValue(since),
                parse.GetValue(published),
                parse.GetValue(limit));

            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            IReadOnlyList<SearchHit> hits;
            try
            {
                hits = await store.SearchAsync(search, ct);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"lede: {e.Message.Split(" (Parameter", 2)[0]}");
                return ExitCode.Usage;
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(hits.Select(ToJson), CliJson.Options));
            }
            else
            {
                SearchDisplay.Print(hits);
            }

            return ExitCode.Success;
        });
        return command;
    }

    // 2026-11-24, 2026-11-24T09:30, 2026-11-24T09:30:00Z or with an offset; a time without a zone is UTC.
    private static DateTime? ParseSince(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            && text.Length >= 10 && char.IsAsciiDigit(text[0]))
        {
            return at;
        }

        result.AddError($"--since expects a date like 2026-11-24 or a time like 2026-11-24T09:30:00Z, not '{text}'");
        return null;
    }

    private static object ToJson(SearchHit hit)
    {
        var snippet = SearchSnippet.Parse(hit.Snippet);
        return new
        {
            id = hit.Id.ToString(),
            title = hit.Title,
            url = hit.WebUrl,
            provider = hit.ProviderName,
            publishedAt = hit.PublishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            published = hit.Published,
            rank = hit.Rank,
            snippet = new { text = snippet.Text, highlights = snippet.Highlights.Select(h => new[] { h.Start, h.Length }) },
        };
    }
}

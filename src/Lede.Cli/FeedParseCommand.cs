using System.CommandLine;
using Lede.Fetch;
using Lede.Parse;
using ParseResult = Lede.Parse.ParseResult;

namespace Lede.Cli;

/// <summary><c>lede feed parse FILE|URL... [--jsonl]</c>: runs the parse stage alone and prints the result as JSON.</summary>
internal static class FeedParseCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("FILE|URL")
        {
            Description = "Feed files or http(s) URLs (RSS, RSS 1.0, Atom, JSON Feed, news-JSON)",
            Arity = ArgumentArity.OneOrMore,
        };
        var jsonl = new Option<bool>("--jsonl") { Description = "One compact JSON object per line instead of pretty JSON" };
        var allowPrivate = new Option<bool>("--allow-private") { Description = "Allow URLs on loopback and private networks" };
        var command = new Command("parse", """
            Parse feeds and print one JSON object per input, in input order: format, version, feed fields, items and
            the warnings for every repair. An input that cannot be parsed prints {"file":…,"error":…} and the rest go on.
            Exits 1 if any input failed.
            """) { inputs, jsonl, allowPrivate };
        command.SetAction(async (parse, ct) =>
        {
            var failed = false;
            var compact = parse.GetValue(jsonl);
            using var fetcher = new Fetcher(new FetchOptions { AllowPrivate = parse.GetValue(allowPrivate) });
            foreach (var input in parse.GetValue(inputs)!)
            {
                var (result, error) = await ParseOneAsync(input, fetcher, ct);
                failed |= result?.Feed is null;
                await Console.Out.WriteLineAsync(FeedJson.Write(input, result, error, indented: !compact));
            }

            return failed ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }

    private static async Task<(ParseResult? Result, string? Error)> ParseOneAsync(string input, IFetcher fetcher, CancellationToken ct)
    {
        if (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var response = await fetcher.FetchAsync(new FetchRequest(new Uri(input), FetchKind.Feed), ct);
                return (FeedParser.Parse(new FeedInput(response.Body, response.ContentType, response.FinalUrl)), null);
            }
            catch (Exception e) when (e is FetchException or UriFormatException)
            {
                return (null, e.Message);
            }
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(input, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }

        // A file has no URL: relative links stay relative rather than becoming file: URLs.
        return (FeedParser.Parse(new FeedInput(bytes)), null);
    }
}

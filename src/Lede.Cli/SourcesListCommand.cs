using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lede.Sources;
using Lede.Storage;

namespace Lede.Cli;

/// <summary><c>lede sources list [--json]</c>: every source with its health; a host that is not plain ASCII is shown in punycode too.</summary>
internal static class SourcesListCommand
{
    public static Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per line instead of a table" };
        var command = new Command("list", "List the sources with their health: last fetch, status, errors, next due") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var sources = await store.ListSourcesAsync(ct);
            if (parse.GetValue(json))
            {
                foreach (var source in sources)
                {
                    Console.WriteLine(JsonSerializer.Serialize(ToJson(source), CliJson.Options));
                }
            }
            else
            {
                PrintTable(sources);
            }

            return ExitCode.Success;
        });
        return command;
    }

    private static object ToJson(Source s) => new
    {
        s.Id,
        s.Url,
        asciiHost = SourceUrl.AsciiHost(s.Url),
        s.Title,
        s.Topics,
        lastFetched = s.State.LastFetchedAt,
        status = s.State.LastStatus,
        consecutiveErrors = s.State.ConsecutiveErrors,
        lastError = s.State.LastError,
        nextDue = s.State.NextDueAt,
        intervalMinutes = (int)s.State.Interval.TotalMinutes,
        disabled = s.State.DisabledReason,
    };

    private static void PrintTable(IReadOnlyList<Source> sources)
    {
        var rows = sources.Select(s => new[]
        {
            s.Id.ToString(CultureInfo.InvariantCulture),
            SourceUrl.Display(s.Url),
            Time(s.State.LastFetchedAt),
            s.State.LastStatus?.ToString(CultureInfo.InvariantCulture) ?? "-",
            s.State.ConsecutiveErrors.ToString(CultureInfo.InvariantCulture),
            s.State.IsDisabled ? $"disabled: {s.State.DisabledReason}" : Time(s.State.NextDueAt, "now"),
            s.State.LastError ?? "",
        }).Prepend(["ID", "URL", "LAST FETCH", "STATUS", "ERRORS", "NEXT DUE", "LAST ERROR"]).ToList();
        var widths = Enumerable.Range(0, 6).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            Console.WriteLine(string.Join("  ", row.Select((cell, c) => c < widths.Length ? cell.PadRight(widths[c]) : cell)).TrimEnd());
        }
    }

    private static string Time(DateTime? time, string none = "-")
        => time?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? none;
}

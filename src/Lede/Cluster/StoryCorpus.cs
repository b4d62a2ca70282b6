using System.Globalization;
using System.Text.Json;

namespace Lede.Cluster;

/// <summary>Reads documents to cluster, and gold clusters, from JSON Lines (Lede's shape or the ECB+/BASIL corpus shape) or a CSV with a header.</summary>
public static partial class StoryCorpus
{
    private static readonly string[] IdFields = ["id", "doc_id"];
    private static readonly string[] DateFields = ["publishedDateTime", "published", "date", "timestamp"];
    private static readonly string[] ProviderFields = ["provider", "source", "publisher"];
    private static readonly string[] ClusterFields = ["cluster", "story"];

    /// <summary>Reads one document per line: <c>{id, title?, text, publishedDateTime?, provider?, url?, cluster?|story?}</c>, also <c>doc_id</c>, <c>date</c>, <c>source</c>.</summary>
    public static StoryCorpusResult ReadJsonl(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<StoryCorpusEntry>();
        var warnings = new List<string>();
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line) && ParseLine(line, number, warnings) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return new StoryCorpusResult(entries, warnings);
    }

    /// <summary>The order to cluster in: by publication time, stable; an undated document keeps its place after the dated one before it.</summary>
    public static IReadOnlyList<StoryCorpusEntry> PublicationOrder(IReadOnlyList<StoryCorpusEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var last = DateTime.MinValue;
        var keyed = new List<(DateTime Key, int Index, StoryCorpusEntry Entry)>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            last = entries[i].Document.Published ?? last;
            keyed.Add((last, i, entries[i]));
        }

        return [.. keyed.OrderBy(k => k.Key).ThenBy(k => k.Index).Select(k => k.Entry)];
    }

    private static StoryCorpusEntry? ParseLine(string line, int number, List<string> warnings)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                warnings.Add($"line {number}: expected a JSON object");
                return null;
            }

            var id = First(root, IdFields);
            if (string.IsNullOrWhiteSpace(id))
            {
                warnings.Add($"line {number}: missing id");
                return null;
            }

            var title = First(root, ["title"]);
            var text = First(root, ["text"]);
            if (title is null && text is null && First(root, ClusterFields) is null)
            {
                warnings.Add($"line {number}: id {id}: neither title nor text");
                return null;
            }

            var dateText = First(root, DateFields);
            var published = ParseDate(dateText);
            if (dateText is not null && published is null)
            {
                warnings.Add($"line {number}: id {id}: unreadable date '{dateText}', clustered without one");
            }

            var doc = new StoryDocument(id, title, text ?? "", published, First(root, ProviderFields), First(root, ["url"]));
            return new StoryCorpusEntry(doc, First(root, ClusterFields), number);
        }
        catch (JsonException e)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"line {number}: not JSON ({e.Message.Split('.')[0]})"));
            return null;
        }
    }

    // Strings as they are, numbers as written: ids and clusters may be either.
    private static string? First(JsonElement root, string[] names)
    {
        foreach (var name in names)
        {
            if (root.TryGetProperty(name, out var value))
            {
                switch (value.ValueKind)
                {
                    case JsonValueKind.String:
                        return value.GetString();
                    case JsonValueKind.Number:
                        return value.GetRawText();
                }
            }
        }

        return null;
    }

    /// <summary>ISO 8601 (UTC when no offset) or a Unix time: milliseconds when large, seconds otherwise.</summary>
    internal static DateTime? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix))
        {
            try
            {
                return unix > 100_000_000_000 ? DateTime.UnixEpoch.AddMilliseconds(unix) : DateTime.UnixEpoch.AddSeconds(unix);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.UtcDateTime : null;
    }
}

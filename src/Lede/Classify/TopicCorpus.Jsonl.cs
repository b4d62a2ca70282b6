using System.Globalization;
using System.Text.Json;

namespace Lede.Classify;

public static partial class TopicCorpus
{
    /// <summary>Reads every line <c>{id, title, text, labels?}</c>; a malformed line is skipped with a warning naming its number.</summary>
    /// <param name="reader">The JSON Lines text.</param>
    /// <param name="requireLabels">True for training and evaluation: a line without a <c>labels</c> array is skipped.</param>
    public static TopicCorpusResult ReadJsonl(TextReader reader, bool requireLabels)
    {
        var documents = new List<TopicDocument>();
        var warnings = new List<string>();
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var document = ParseLine(line, number, out var error);
            if (document is not null && requireLabels && error is null && !HasLabels(line))
            {
                error = $"line {number}: no labels array";
            }

            if (error is not null || document is null)
            {
                warnings.Add(error ?? $"line {number}: unreadable");
                continue;
            }

            documents.Add(document);
        }

        return new TopicCorpusResult(documents, warnings);
    }

    /// <summary>Reads one line <c>{id, title, text, labels?}</c>; null with an error naming the line when it is not one.</summary>
    public static TopicDocument? ParseLine(string line, int lineNumber, out string? error)
    {
        error = null;
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"line {lineNumber}: expected a JSON object";
                return null;
            }

            var id = root.TryGetProperty("id", out var idValue) ? idValue.ValueKind switch
            {
                JsonValueKind.String => idValue.GetString(),
                JsonValueKind.Number => idValue.GetRawText(),
                _ => null,
            } : null;
            var title = Text(root, "title");
            var text = Text(root, "text");
            if (string.IsNullOrEmpty(id))
            {
                error = $"line {lineNumber}: missing id";
                return null;
            }

            if (title is null && text is null)
            {
                error = $"line {lineNumber}: id {id}: neither title nor text";
                return null;
            }

            var labels = new List<string>();
            if (root.TryGetProperty("labels", out var labelsValue) && labelsValue.ValueKind == JsonValueKind.Array)
            {
                labels.AddRange(labelsValue.EnumerateArray().Where(l => l.ValueKind == JsonValueKind.String)
                    .Select(l => l.GetString()!.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal));
            }

            return new TopicDocument(id, title ?? "", text ?? "", labels);
        }
        catch (JsonException e)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: not JSON ({e.Message.Split('.')[0]})");
            return null;
        }
    }

    private static bool HasLabels(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array;
    }

    private static string? Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

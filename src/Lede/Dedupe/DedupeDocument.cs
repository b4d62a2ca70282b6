using System.Globalization;
using System.Text.Json;

namespace Lede.Dedupe;

/// <summary>One line of a dedupe input file: <c>{id, title?, text, publishedDateTime?}</c>.</summary>
/// <param name="Id">The document's id (a JSON string or number).</param>
/// <param name="Title">Its headline, if any.</param>
/// <param name="Text">Its body, if any (at least one of title and text is present).</param>
/// <param name="Published">Its publication time in UTC, or null when absent or unreadable.</param>
public sealed record DedupeDocument(string Id, string? Title, string? Text, DateTime? Published)
{
    /// <summary>Reads one JSON line; null with an error naming the line when it is not a usable document.
    /// An unreadable date keeps the document (undated) and sets <paramref name="warning"/>.</summary>
    public static DedupeDocument? Parse(string? line, int lineNumber, out string? error, out string? warning)
    {
        (error, warning) = (null, null);
        try
        {
            using var json = JsonDocument.Parse(line ?? "");
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = Format($"line {lineNumber}: expected a JSON object");
                return null;
            }

            var id = root.TryGetProperty("id", out var idValue) ? idValue.ValueKind switch
            {
                JsonValueKind.String => idValue.GetString(),
                JsonValueKind.Number => idValue.GetRawText(),
                _ => null,
            } : null;
            var (title, text) = (String(root, "title"), String(root, "text"));
            if (string.IsNullOrEmpty(id))
            {
                error = Format($"line {lineNumber}: missing id");
                return null;
            }

            if (title is null && text is null)
            {
                error = Format($"line {lineNumber}: id {id}: neither title nor text");
                return null;
            }

            DateTime? published = null;
            if (String(root, "publishedDateTime") is { } date)
            {
                if (DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    published = parsed.UtcDateTime;
                }
                else
                {
                    warning = Format($"line {lineNumber}: id {id}: unreadable publishedDateTime '{date}', taken as undated");
                }
            }

            return new DedupeDocument(id, title, text, published);
        }
        catch (JsonException e)
        {
            error = Format($"line {lineNumber}: not JSON ({e.Message.Split('.')[0]})");
            return null;
        }
    }

    private static string? String(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

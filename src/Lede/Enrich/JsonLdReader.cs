using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;

namespace Lede.Enrich;

/// <summary>Reads every <c>application/ld+json</c> block leniently and finds the article (or video) entity in it.</summary>
/// <remarks>Tolerates what real pages ship: trailing commas, comments, raw newlines in strings, HTML-escaped blocks,
/// CDATA/comment wrappers, several values in one block, arrays and <c>@graph</c>.</remarks>
internal static partial class JsonLdReader
{
    private const int MaxNodes = 2000;
    private const int MaxDepth = 24;
    private const int MaxBlockChars = 1_000_000;

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "LiveBlogPosting", "TechArticle",
        "ScholarlyArticle", "SatiricalArticle", "Report", "SocialMediaPosting", "DiscussionForumPosting", "Posting",
    };

    public static JsonLdFacts Read(IDocument document, List<string> warnings)
    {
        var nodes = new List<JsonElement>();
        var block = 0;
        foreach (var script in document.QuerySelectorAll("script[type]"))
        {
            var type = script.GetAttribute("type") ?? "";
            if (!type.Trim().StartsWith("application/ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            block++;
            var text = script.TextContent;
            if (text.Length > MaxBlockChars)
            {
                warnings.Add($"json-ld: block {block} is over {MaxBlockChars} characters; ignored");
                continue;
            }

            var values = ParseLenient(text, out var repair);
            if (values is null)
            {
                warnings.Add($"json-ld: block {block} is not JSON even after repair; ignored");
                continue;
            }

            if (repair is not null) warnings.Add($"json-ld: block {block} repaired ({repair})");
            foreach (var value in values) Collect(value, nodes, 0);
        }

        return nodes.Count == 0 ? JsonLdFacts.Empty : Interpret(nodes);
    }

    /// <summary>Parses a block; when strict parsing fails, tries repairs one after another and names the one that worked.</summary>
    internal static List<JsonElement>? ParseLenient(string text, out string? repair)
    {
        repair = null;
        var s = Unwrap(text);
        if (s.Length == 0) return null;
        if (TryParseAll(s, out _) is { } values) return values;
        var escaped = EscapeControlCharacters(s);
        if (TryParseAll(escaped, out _) is { } v1)
        {
            repair = "raw control characters in strings";
            return v1;
        }

        if (s.Contains('&', StringComparison.Ordinal) && TryParseAll(EscapeControlCharacters(WebUtility.HtmlDecode(s)), out _) is { } v2)
        {
            repair = "HTML entities";
            return v2;
        }

        if (s.Contains('\'', StringComparison.Ordinal) && TryParseAll(EscapeControlCharacters(SingleToDoubleQuotes(s)), out _) is { } v3)
        {
            repair = "single-quoted strings";
            return v3;
        }

        // Last resort: the values before the first syntax error (a stray "}" or a quote inside a string ends many blocks early).
        TryParseAll(escaped, out var partial);
        if (partial.Count > 0)
        {
            repair = "kept the values before a syntax error";
            return partial;
        }

        return null;
    }

    /// <summary>JavaScript-style 'strings' outside double-quoted ones become JSON strings.</summary>
    private static string SingleToDoubleQuotes(string s)
    {
        var sb = new StringBuilder(s.Length);
        var quote = '\0';
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0' && c == '\\' && i + 1 < s.Length)
            {
                var next = s[++i];
                sb.Append(quote == '\'' && next == '\'' ? "'" : $"\\{next}");
                continue;
            }

            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
                sb.Append('"');
            }
            else if (c == quote)
            {
                quote = '\0';
                sb.Append('"');
            }
            else
            {
                sb.Append(quote == '\'' && c == '"' ? "\\\"" : c.ToString());
            }
        }

        return sb.ToString();
    }

    private static string Unwrap(string text)
    {
        var s = text.Trim();
        foreach (var (open, close) in (ReadOnlySpan<(string, string)>)[("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"), ("/*<![CDATA[*/", "/*]]>*/")])
        {
            if (s.StartsWith(open, StringComparison.Ordinal)) s = s[open.Length..];
            if (s.EndsWith(close, StringComparison.Ordinal)) s = s[..^close.Length];
            s = s.Trim();
        }

        // A stray semicolon after the value (copied from a JavaScript assignment) is common.
        return s.TrimEnd(';').Trim();
    }

    private static List<JsonElement>? TryParseAll(string s, out List<JsonElement> parsed)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            AllowMultipleValues = true,
            MaxDepth = 64,
        });
        var values = parsed = [];
        try
        {
            while (reader.Read())
            {
                using var doc = JsonDocument.ParseValue(ref reader);
                values.Add(doc.RootElement.Clone());
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return values.Count == 0 ? null : values;
    }

    /// <summary>Raw tabs and newlines inside strings are invalid JSON but browsers' authors paste them anyway.</summary>
    private static string EscapeControlCharacters(string s)
    {
        var sb = new StringBuilder(s.Length);
        var inString = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (inString && c == '\\' && i + 1 < s.Length)
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }

            if (c == '"') inString = !inString;
            sb.Append(inString && c < ' ' ? ' ' : c);
        }

        return sb.ToString();
    }

    /// <summary>Gathers every object that has an <c>@type</c>, at any depth (arrays, <c>@graph</c>, nested entities).</summary>
    private static void Collect(JsonElement e, List<JsonElement> nodes, int depth)
    {
        if (depth > MaxDepth || nodes.Count >= MaxNodes) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Collect(item, nodes, depth + 1);
            return;
        }

        if (e.ValueKind != JsonValueKind.Object) return;
        if (e.TryGetProperty("@type", out _)) nodes.Add(e);
        foreach (var property in e.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) Collect(property.Value, nodes, depth + 1);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lede.Parse;

namespace Lede.Conformance.Tests;

/// <summary>Compares an expected JSON document (gofeed, rowanmanning) leaf by leaf with Lede's projection in the same vocabulary.</summary>
/// <remarks>A leaf whose key the projection does not carry is not modelled and skipped; a case with no modelled leaf is not applicable.</remarks>
internal static class JsonExpectation
{
    public static (Verdict Verdict, int Compared, int Matched, string Why) Compare(JsonNode expected, JsonNode actual)
    {
        var compared = 0;
        var matched = 0;
        var misses = new List<string>();
        Walk(expected, actual, "", ref compared, ref matched, misses);
        var verdict = compared == 0 ? Verdict.NotApplicable : compared == matched ? Verdict.Pass : Verdict.Fail;
        // Every mismatch (up to a few), so failures.txt says all that is wrong with a case, not only the first thing.
        var why = string.Join(" | ", misses.Take(6)) + (misses.Count > 6 ? $" | … {misses.Count - 6} more" : "");
        return (verdict, compared, matched, why);
    }

    private static void Walk(JsonNode? expected, JsonNode? actual, string path, ref int compared, ref int matched, List<string> why)
    {
        switch (expected)
        {
            case JsonObject eo:
                if (actual is not JsonObject ao)
                {
                    // Expected an object we did not produce: one comparison, failed (unless nothing in it is modelled).
                    if (actual is null && eo.Count > 0 && path.Length > 0) Fail(ref compared, why, path, "missing");
                    return;
                }

                foreach (var (key, value) in eo)
                {
                    if (!ao.TryGetPropertyValue(key, out var a)) continue;
                    Walk(value, a, $"{path}.{key}", ref compared, ref matched, why);
                }

                return;
            case JsonArray ea:
                if (actual is not JsonArray aa)
                {
                    if (ea.Count > 0) Fail(ref compared, why, path, "missing list");
                    return;
                }

                if (aa.Count != ea.Count)
                {
                    Fail(ref compared, why, path, $"{aa.Count} entries, expected {ea.Count}");
                }

                for (var i = 0; i < Math.Min(ea.Count, aa.Count); i++)
                {
                    Walk(ea[i], aa[i], $"{path}[{i}]", ref compared, ref matched, why);
                }

                return;
            default:
                compared++;
                var e = Text(expected);
                var a2 = Text(actual);
                if (Same(e, a2, Key(path))) matched++;
                else why.Add($"{path}: got «{Short(a2)}», expected «{Short(e)}»");
                return;
        }
    }

    private static void Fail(ref int compared, List<string> why, string path, string what)
    {
        compared++;
        why.Add($"{path}: {what}");
    }

    /// <summary>The last property name of a path like <c>.items[0].title</c>.</summary>
    private static string Key(string path)
    {
        var end = path.Length;
        while (end > 0 && path[end - 1] == ']') end = path.LastIndexOf('[', end - 1);
        var dot = path.LastIndexOf('.', Math.Max(0, end - 1));
        return path[(dot + 1)..end];
    }

    /// <summary>
    /// Fields Lede keeps as plain text (titles, names, terms, rights). gofeed and feed-parser keep them as HTML-ish
    /// strings, so "&amp;lt;p&amp;gt;Title" there is the text "&lt;p&gt;Title": such a field matches on the expected value's text.
    /// </summary>
    private static readonly HashSet<string> PlainFields = new(StringComparer.Ordinal) { "title", "name", "author", "copyright", "rights", "term", "label", "categories" };

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => node.ToJsonString(),
    };

    private static bool Same(string? expected, string? actual, string key)
    {
        if (string.IsNullOrWhiteSpace(expected)) return string.IsNullOrWhiteSpace(actual);
        if (actual is null) return false;
        if (FeedparserExpectation.Normalize(expected) == FeedparserExpectation.Normalize(actual)) return true;
        if (PlainFields.Contains(key) && Lede.Text.HtmlText.ToPlain(expected) == actual) return true;
        // Lede's sanitizer rewrites markup on purpose (quotes, dropped attributes, entities): HTML fields match on their text.
        if (expected.AsSpan().ContainsAny('<', '&') || actual.AsSpan().ContainsAny('<', '&'))
        {
            if (PlainText(expected) == PlainText(actual)) return true;
            // A text construct: gofeed keeps the raw text, Lede escapes it into HTML. The same text either way.
            if (!actual.Contains('<', StringComparison.Ordinal) && FeedparserExpectation.Normalize(System.Net.WebUtility.HtmlDecode(actual)) == FeedparserExpectation.Normalize(expected)) return true;
        }

        // URLs: "http://example.com" and "http://example.com/" are the same address (feed-parser normalizes, Lede keeps the feed's spelling).
        if (Uri.TryCreate(expected, UriKind.Absolute, out var eu) && Uri.TryCreate(actual, UriKind.Absolute, out var au)
            && eu.Scheme is "http" or "https" && eu.AbsoluteUri == au.AbsoluteUri)
        {
            return true;
        }

        // Dates: "2002-09-05T00:00:01.000Z" and "2002-09-05T00:00:01Z" are the same instant.
        return DateTime.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var de)
               && DateTime.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var da)
               && expected.Length >= 10 && char.IsAsciiDigit(expected[0])
               && Math.Abs((de - da).TotalSeconds) < 1;
    }

    private static string PlainText(string s) => FeedparserExpectation.Normalize(Lede.Text.HtmlText.ToPlain(s) ?? "");

    private static string? Short(string? s) => s is { Length: > 80 } ? s[..80] + "…" : s;

    /// <summary>Parses <paramref name="feed"/> into the projection, or null when there is no feed.</summary>
    public static JsonNode? Project(Feed? feed, Func<Feed, JsonObject> projection) => feed is null ? null : projection(feed);
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Lede.Conformance.Tests;

/// <summary>
/// Outcome of one expectation: passed, failed (with why), not applicable (asks for what Lede does not model), or
/// different by design (Lede's plain-text titles and stricter sanitizer explain the whole difference).
/// </summary>
internal enum Verdict { Pass, Fail, NotApplicable, ByDesign }

/// <summary>
/// Evaluates the common shapes of feedparser's <c>Expect:</c> Python expressions: clauses joined by <c>and</c>, each
/// <c>bozo</c>, <c>not bozo</c>, <c>PATH == LITERAL</c> or <c>PATH is True|False|None</c>, PATH like <c>entries[0]['content'][0]['value']</c>.
/// </summary>
internal static partial class FeedparserExpectation
{
    public static (Verdict Verdict, string Why) Evaluate(string expression, JsonObject result, bool bozo, string? version)
    {
        var verdict = Verdict.Pass;
        var why = "";
        foreach (var raw in SplitAnd(expression))
        {
            var clause = raw.Trim();
            while (clause.StartsWith('(') && clause.EndsWith(')')) clause = clause[1..^1].Trim();
            Verdict v;
            string w;
            if (clause == "1") (v, w) = (Verdict.Pass, ""); // "Expect: 1": the file only has to be read without a crash.
            else if (clause == "bozo") (v, w) = bozo ? (Verdict.Pass, "") : (Verdict.Fail, "expected bozo");
            else if (clause == "not bozo") (v, w) = !bozo ? (Verdict.Pass, "") : (Verdict.Fail, "unexpected bozo");
            else (v, w) = Compare(clause, result, version);
            if (v == Verdict.NotApplicable) return (v, w);
            if (v == Verdict.Fail && verdict != Verdict.Fail) (verdict, why) = (v, w);
            else if (v == Verdict.ByDesign && verdict == Verdict.Pass) (verdict, why) = (v, w);
        }

        return (verdict, why);
    }

    private static (Verdict, string) Compare(string clause, JsonObject result, string? version)
    {
        string left, right;
        var isOp = clause.IndexOf(" is ", StringComparison.Ordinal);
        var eqOp = IndexOutsideQuotes(clause, "==");
        if (eqOp > 0)
        {
            (left, right) = (clause[..eqOp].Trim(), clause[(eqOp + 2)..].Trim());
            // A chained comparison "a == b == 'x'" is "a == 'x' and b == 'x'".
            var chained = IndexOutsideQuotes(right, "==");
            if (chained > 0)
            {
                var (first, fw) = Compare(left + " == " + right[(chained + 2)..].Trim(), result, version);
                var (rest, rw) = Compare(right, result, version);
                return first == Verdict.Pass ? (rest, rw) : rest == Verdict.NotApplicable ? (rest, rw) : (first, fw);
            }
        }
        else if (isOp > 0) (left, right) = (clause[..isOp].Trim(), clause[(isOp + 4)..].Trim());
        else return (Verdict.NotApplicable, $"unsupported clause: {clause}");
        if (!TryLiteral(right, out var expected)) return (Verdict.NotApplicable, $"unsupported literal: {right}");
        if (left == "version")
        {
            // feedparser splits 0.91 into rss091u and rss091n; Lede does not.
            return version is not null && expected is not null && expected.StartsWith(version, StringComparison.Ordinal)
                ? (Verdict.Pass, "") : (Verdict.Fail, $"version {version} != {expected}");
        }

        if (!TryPath(left, result, out var actual, out var na)) return (Verdict.NotApplicable, na);
        if (Same(actual, expected)) return (Verdict.Pass, "");
        var why = $"{left}: got «{actual}», expected «{expected}»";
        return ByDesign(left, actual, expected) ? (Verdict.ByDesign, why) : (Verdict.Fail, why);
    }

    private static bool Same(string? actual, string? expected)
        => actual == expected || (actual is not null && expected is not null && Normalize(actual) == Normalize(expected))
           // feedparser returns a text/plain construct as raw text, Lede as escaped HTML: the same text.
           || (actual is not null && expected is not null && !actual.Contains('<', StringComparison.Ordinal)
               && actual.Contains('&', StringComparison.Ordinal) && Normalize(WebUtility.HtmlDecode(actual)) == Normalize(expected));

    /// <summary>Fields Lede keeps as plain text where feedparser keeps (sanitized) markup.</summary>
    private static readonly HashSet<string> PlainFields = new(StringComparer.Ordinal) { "title", "copyright", "rights" };

    /// <summary>
    /// True when the difference is one Lede makes on purpose and nothing else: a plain-text field that equals the text
    /// of feedparser's markup, or HTML that equals feedparser's (already safe) HTML passed through Lede's stricter sanitizer.
    /// A leak (Lede keeping what feedparser removed) never qualifies: feedparser's output run through Lede's sanitizer cannot contain it.
    /// </summary>
    private static bool ByDesign(string path, string? actual, string? expected)
    {
        if (expected is null) return false;
        var key = LastKey(path);
        if (PlainFields.Contains(key)) return (Lede.Text.HtmlText.ToPlain(expected) ?? "") == (actual is null ? "" : Normalize(actual));
        var strict = Lede.Text.HtmlSanitizer.Sanitize(expected);
        return string.IsNullOrWhiteSpace(strict) ? string.IsNullOrWhiteSpace(actual) : actual is not null && Normalize(strict) == Normalize(actual);
    }

    /// <summary>The field a path names: <c>entries[0]['title']</c> and <c>feed['title_detail']['value']</c> both name "title".</summary>
    private static string LastKey(string path)
    {
        var keys = PathKeys().Matches(path).Select(m => m.Groups["k"].Success ? m.Groups["k"].Value : m.Groups["d"].Value)
            .Where(k => k.Length > 0 && !int.TryParse(k, CultureInfo.InvariantCulture, out _)).ToList();
        if (keys.Count == 0) return "";
        if (keys.Count > 1 && keys[^1] == "value" && keys[^2].EndsWith("_detail", StringComparison.Ordinal)) return keys[^2][..^7];
        return keys[^1];
    }

    [GeneratedRegex(@"\[\s*u?['""](?<k>[^'""]*)['""]\s*\]|\.(?<d>\w+)", RegexOptions.NonBacktracking)]
    private static partial Regex PathKeys();

    /// <summary>Ignores what Lede does differently on purpose: the rel it adds to links, whitespace runs.</summary>
    public static string Normalize(string s)
        => string.Join(' ', s.Replace(" rel=\"noopener noreferrer\"", "", StringComparison.Ordinal).Replace(" />", ">", StringComparison.Ordinal)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool TryPath(string path, JsonObject result, out string? value, out string why)
    {
        value = null;
        why = "";
        var p = 0;
        var root = ReadName(path, ref p);
        if (root is not ("feed" or "entries")) { why = $"unmodelled root {root}"; return false; }
        JsonNode? node = result[root];
        while (p < path.Length)
        {
            if (path[p] == '.')
            {
                p++;
                var name = ReadName(path, ref p);
                if (!Step(ref node, name, ref why)) return false;
            }
            else if (path[p] == '[')
            {
                var close = path.IndexOf(']', p);
                if (close < 0) { why = "bad path"; return false; }
                var inner = path[(p + 1)..close].Trim();
                p = close + 1;
                if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    if (node is not JsonArray a) { why = $"not a list at {inner}"; return node is null && Fail(ref value); }
                    if (index < 0) index += a.Count;
                    node = index >= 0 && index < a.Count ? a[index] : null;
                    if (node is null) return true;
                }
                else if (TryLiteral(inner, out var key) && key is not null)
                {
                    if (!Step(ref node, key, ref why)) return false;
                }
                else { why = $"unsupported index {inner}"; return false; }
            }
            else { why = $"unsupported path {path}"; return false; }
        }

        value = node switch
        {
            null => null,
            JsonValue v => v.ToString(),
            _ => node.ToJsonString(),
        };
        return true;
    }

    private static bool Fail(ref string? value)
    {
        value = null;
        return true;
    }

    private static bool Step(ref JsonNode? node, string key, ref string why)
    {
        // Below a missing value, only keys Lede models can still be compared (as absent).
        if (node is null) return KnownKeys.Contains(key) || Unknown(key, ref why);
        if (node is JsonObject o && o.TryGetPropertyValue(key, out var next))
        {
            node = next;
            return true;
        }

        why = $"unmodelled field {key}";
        return false;
    }

    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal) { "name", "email", "href", "url", "type", "length", "term", "value", "title" };

    private static bool Unknown(string key, ref string why)
    {
        why = $"unmodelled field {key}";
        return false;
    }

    private static string ReadName(string s, ref int p)
    {
        var start = p;
        while (p < s.Length && (char.IsLetterOrDigit(s[p]) || s[p] == '_')) p++;
        return s[start..p];
    }

    /// <summary>A Python literal: str (u'', '', "" with escapes), int, None, True/False, or a time tuple (kept as ISO text).</summary>
    private static bool TryLiteral(string s, out string? value)
    {
        value = null;
        s = s.Trim();
        if (s == "None") return true;
        if (s is "True" or "False") { value = s == "True" ? "true" : "false"; return true; }
        if (s.StartsWith('(') && s.EndsWith(')'))
        {
            var parts = s[1..^1].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 9 || !parts.All(x => int.TryParse(x, CultureInfo.InvariantCulture, out _))) return false;
            var n = parts.Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            value = $"{n[0]:0000}-{n[1]:00}-{n[2]:00}T{n[3]:00}:{n[4]:00}:{n[5]:00}Z";
            return true;
        }

        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) { value = s; return true; }
        // 'a' + 'b': string literals joined (feedparser writes "-" + "-" to keep comment markers out of its test comment).
        var plus = IndexOutsideQuotes(s, "+");
        if (plus > 0)
        {
            if (!TryLiteral(s[..plus], out var head) || !TryLiteral(s[(plus + 1)..], out var tail) || head is null || tail is null) return false;
            value = head + tail;
            return true;
        }

        if (s.StartsWith('u') || s.StartsWith('b')) s = s[1..];
        if (s.Length >= 6 && (s.StartsWith("\"\"\"", StringComparison.Ordinal) || s.StartsWith("'''", StringComparison.Ordinal)) && s.EndsWith(s[..3], StringComparison.Ordinal))
        {
            value = Unescape(s[3..^3]);
            return true;
        }

        if (s.Length < 2 || s[0] is not ('\'' or '"') || s[^1] != s[0]) return false;
        var body = s[1..^1];
        if (IndexOutsideEscapes(body, s[0]) >= 0) return false;
        value = Unescape(body);
        return true;
    }

    private static int IndexOutsideEscapes(string body, char quote)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\') i++;
            else if (body[i] == quote) return i;
        }

        return -1;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length) { sb.Append(s[i]); continue; }
            var c = s[++i];
            switch (c)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'x' when i + 2 < s.Length: sb.Append((char)Convert.ToInt32(s.Substring(i + 1, 2), 16)); i += 2; break;
                case 'u' when i + 4 < s.Length: sb.Append((char)Convert.ToInt32(s.Substring(i + 1, 4), 16)); i += 4; break;
                case 'U' when i + 8 < s.Length: sb.Append(char.ConvertFromUtf32(Convert.ToInt32(s.Substring(i + 1, 8), 16))); i += 8; break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private static int IndexOutsideQuotes(string s, string token)
    {
        char quote = '\0';
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (quote != '\0')
            {
                if (c == '\\') i++;
                else if (c == quote) quote = '\0';
            }
            else if (c is '\'' or '"') quote = c;
            else if (string.CompareOrdinal(s, i, token, 0, token.Length) == 0) return i;
        }

        return -1;
    }

    private static List<string> SplitAnd(string s)
    {
        var parts = new List<string>();
        var start = 0;
        while (true)
        {
            var at = IndexOutsideQuotes(s[start..], " and ");
            if (at < 0) { parts.Add(s[start..]); return parts; }
            parts.Add(s[start..(start + at)]);
            start += at + 5;
        }
    }
}

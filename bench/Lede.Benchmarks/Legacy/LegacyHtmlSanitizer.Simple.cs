using System.Globalization;
using System.Text;

namespace Lede.Benchmarks.Legacy;

/// <summary>The fast path of the sanitizer: a scanner for the plain, well-formed markup most feeds carry.</summary>
internal static partial class LegacyHtmlSanitizer
{
    /// <summary>
    /// Sanitizes <paramref name="html"/> if it uses only simple constructs: tags with quoted attributes, the usual
    /// entities, no comments, no raw-text elements. Returns false at the first thing it does not know, and the caller
    /// starts again on the HTML5 tokenizer; it never guesses.
    /// </summary>
    /// <remarks>Safety does not rest on this scanner reading the input as a browser would: output is rebuilt from the allowlist.</remarks>
    internal static bool TryWriteSimple(string html, StringBuilder sb, string? baseUrl)
    {
        var open = new List<string>();
        var attributes = new List<(string Name, string Value)>();
        var i = 0;
        while (i < html.Length)
        {
            var next = html.AsSpan(i).IndexOfAny('<', '&', '>');
            if (next < 0)
            {
                sb.Append(html, i, html.Length - i);
                break;
            }

            sb.Append(html, i, next);
            i += next;
            switch (html[i])
            {
                case '>':
                    sb.Append("&gt;");
                    i++;
                    break;
                case '&':
                    if (!TryEntity(html, ref i, out var decoded)) return false;
                    Escape(decoded, sb, attribute: false);
                    break;
                default:
                    if (!TryTag(html, ref i, open, attributes, sb, baseUrl)) return false;
                    break;
            }
        }

        Close(open, 0, sb);
        return true;
    }

    private static bool TryTag(string html, ref int i, List<string> open, List<(string Name, string Value)> attributes, StringBuilder sb, string? baseUrl)
    {
        var p = i + 1;
        var closing = p < html.Length && html[p] == '/';
        if (closing) p++;
        var nameStart = p;
        while (p < html.Length && char.IsAsciiLetterOrDigit(html[p])) p++;
        if (p == nameStart || !char.IsAsciiLetter(html[nameStart])) return false;
        var name = html[nameStart..p].ToLowerInvariant();
        if (Dropped.Contains(name)) return false;
        attributes.Clear();
        var selfClosing = false;
        while (true)
        {
            while (p < html.Length && html[p] is ' ' or '\n' or '\t' or '\r') p++;
            if (p >= html.Length) return false;
            if (html[p] == '>') break;
            if (html[p] == '/' && p + 1 < html.Length && html[p + 1] == '>')
            {
                selfClosing = true;
                p++;
                break;
            }

            if (closing) return false;
            var attrStart = p;
            while (p < html.Length && (char.IsAsciiLetterOrDigit(html[p]) || html[p] is '-' or '_' or ':')) p++;
            if (p == attrStart || p >= html.Length) return false;
            var attrName = html[attrStart..p];
            var value = "";
            if (html[p] == '=')
            {
                p++;
                if (p >= html.Length || html[p] is not ('"' or '\'')) return false;
                var quote = html[p];
                var end = html.IndexOf(quote, p + 1);
                if (end < 0) return false;
                if (!TryDecode(html, p + 1, end, out value)) return false;
                p = end + 1;
            }

            attributes.Add((attrName, value));
        }

        i = p + 1;
        if (closing)
        {
            if (open.LastIndexOf(name) is var at && at >= 0) Close(open, at, sb);
        }
        else
        {
            Open(open, name, attributes, selfClosing, sb, baseUrl);
        }

        return true;
    }

    private static bool TryDecode(string html, int start, int end, out string value)
    {
        value = html[start..end];
        if (value.IndexOfAny(['&', '<']) < 0) return true;
        if (value.Contains('<', StringComparison.Ordinal)) return false;
        var sb = new StringBuilder(value.Length);
        for (var j = start; j < end;)
        {
            if (html[j] != '&')
            {
                sb.Append(html[j++]);
                continue;
            }

            if (!TryEntity(html, ref j, out var decoded) || j > end) return false;
            sb.Append(decoded);
        }

        value = sb.ToString();
        return true;
    }

    /// <summary>A character reference at <paramref name="i"/>: the usual named ones and numeric ones; a bare '&amp;' is itself.</summary>
    private static bool TryEntity(string html, ref int i, out string decoded)
    {
        var p = i + 1;
        while (p < html.Length && p - i <= 10 && (char.IsAsciiLetterOrDigit(html[p]) || (p == i + 1 && html[p] == '#'))) p++;
        if (p == i + 1)
        {
            decoded = "&";
            i++;
            return true;
        }

        decoded = "";
        if (p >= html.Length || html[p] != ';') return false;
        var name = html.AsSpan(i + 1, p - i - 1);
        if (name[0] == '#')
        {
            var hex = name.Length > 1 && name[1] is 'x' or 'X';
            if (!int.TryParse(name[(hex ? 2 : 1)..], hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                || code is <= 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) || code < 0x20 && code is not ('\t' or '\n' or '\r'))
            {
                return false;
            }

            decoded = char.ConvertFromUtf32(code);
        }
        else
        {
            decoded = name switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                "nbsp" => "\u00A0",
                "mdash" => "—",
                "ndash" => "–",
                "hellip" => "…",
                "rsquo" => "’",
                "lsquo" => "‘",
                "rdquo" => "”",
                "ldquo" => "“",
                _ => "",
            };
            if (decoded.Length == 0) return false;
        }

        i = p + 1;
        return true;
    }
}

using System.Buffers;
using System.Net;
using System.Text;

namespace Lede.Text;

/// <summary>HTML fragments to one line of plain text (titles, names).</summary>
public static class HtmlText
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> calls whitespace, except the plain space.</summary>
    private static readonly SearchValues<char> WhitespaceButSpace = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))]);

    /// <summary>Tags removed, entities decoded, whitespace collapsed; null for empty results.</summary>
    public static string? ToPlain(string? html)
    {
        if (html is null) return null;
        var s = html.AsSpan().ContainsAny('<', '&') ? WebUtility.HtmlDecode(StripTags(html)) : html;
        s = Collapse(s);
        return s.Length == 0 ? null : s;
    }

    private static string StripTags(string html)
    {
        var sb = new StringBuilder(html.Length);
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            // Only '<' followed by a letter, '/' or '!' opens a tag: "a < b" is text.
            if (c == '<' && i + 1 < html.Length && (char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!'))
            {
                var end = html.IndexOf('>', i + 1);
                if (end < 0) break;
                // Script and style hold code, not words: skip to their end tag.
                if (StartsTag(html, i, "script") || StartsTag(html, i, "style"))
                {
                    var name = StartsTag(html, i, "script") ? "</script" : "</style";
                    var close = html.IndexOf(name, end, StringComparison.OrdinalIgnoreCase);
                    end = close < 0 ? html.Length - 1 : Math.Max(end, html.IndexOf('>', close) is var gt && gt < 0 ? html.Length - 1 : gt);
                }

                if (IsBlockBreak(html.AsSpan(i + 1, end - i - 1))) sb.Append(' ');
                i = end;
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool StartsTag(string html, int at, string name)
        => string.Compare(html, at + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
           && at + 1 + name.Length < html.Length && !char.IsAsciiLetterOrDigit(html[at + 1 + name.Length]);

    private static bool IsBlockBreak(ReadOnlySpan<char> tag)
    {
        tag = tag.TrimStart('/');
        return tag.StartsWith("br", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("p", StringComparison.OrdinalIgnoreCase)
            || tag.StartsWith("div", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("li", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs of whitespace become one space; the ends are trimmed.</summary>
    public static string Collapse(string s)
    {
        // Already collapsed unless some whitespace is not a space, a space ends it, or two spaces meet: one vectorized pass each.
        var span = s.AsSpan();
        if (span.IsEmpty) return s;
        if (span[0] != ' ' && span[^1] != ' ' && !span.ContainsAny(WhitespaceButSpace) && !span.Contains("  ", StringComparison.Ordinal)) return s;
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }

        return sb.ToString();
    }
}

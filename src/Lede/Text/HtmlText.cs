using System.Net;
using System.Text;

namespace Lede.Text;

/// <summary>HTML fragments to one line of plain text (titles, names).</summary>
public static class HtmlText
{
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
                var tag = html.AsSpan(i + 1, end - i - 1);
                if (IsBlockBreak(tag)) sb.Append(' ');
                i = SkipHiddenContent(html, tag, end);
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>After an opening script or style tag, the index of its closing tag's '>': their text is code, not prose.</summary>
    private static int SkipHiddenContent(string html, ReadOnlySpan<char> tag, int end)
    {
        foreach (var hidden in (ReadOnlySpan<string>)["script", "style"])
        {
            if (tag.StartsWith(hidden, StringComparison.OrdinalIgnoreCase) && (tag.Length == hidden.Length || !char.IsAsciiLetterOrDigit(tag[hidden.Length])))
            {
                var close = html.IndexOf("</" + hidden, end, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                return closeEnd < 0 ? html.Length : closeEnd;
            }
        }

        return end;
    }

    private static bool IsBlockBreak(ReadOnlySpan<char> tag)
    {
        tag = tag.TrimStart('/');
        return tag.StartsWith("br", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("p", StringComparison.OrdinalIgnoreCase)
            || tag.StartsWith("div", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("li", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs of whitespace become one space; the ends are trimmed.</summary>
    public static string Collapse(string s)
    {
        var needs = false;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || i == 0 || i == s.Length - 1 || char.IsWhiteSpace(s[i + 1])))
            {
                needs = true;
                break;
            }
        }

        if (!needs) return s;
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

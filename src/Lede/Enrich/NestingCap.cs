namespace Lede.Enrich;

/// <summary>A linear pre-scan that drops start tags nested deeper than a cap (and their end tags), keeping all text.</summary>
/// <remarks>
/// Approximate on purpose: it counts open tags without building a tree. Elements whose end tag is implied (p, li, td…) and
/// void elements are not counted, so long flat pages are never cut; raw text (script, style) and comments are copied as is.
/// </remarks>
internal static class NestingCap
{
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rp", "rt", "a", "html", "head", "body",
    };

    public static (string Html, int Dropped) Apply(string html, int maxDepth)
    {
        // Cheap exit: a page with fewer tags than the cap cannot exceed it.
        if (CountOf(html, '<', maxDepth) <= maxDepth) return (html, 0);
        var sb = new System.Text.StringBuilder(html.Length);
        int depth = 0, excess = 0, dropped = 0, i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                sb.Append(html, i, html.Length - i);
                break;
            }

            sb.Append(html, i, lt - i);
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                var stop = endComment < 0 ? html.Length : endComment + 3;
                sb.Append(html, lt, stop - lt);
                i = stop;
                continue;
            }

            var closing = html[lt + 1] == '/';
            var nameStart = lt + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':')) nameEnd++;
            var gt = html.IndexOf('>', nameEnd);
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]) || gt < 0)
            {
                sb.Append('<');
                i = lt + 1;
                continue;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var tagEnd = gt + 1;
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
                             || name.Equals("textarea", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase)))
            {
                var close = html.IndexOf("</" + name.ToString(), tagEnd, StringComparison.OrdinalIgnoreCase);
                var stop = close < 0 ? html.Length : close;
                sb.Append(html, lt, stop - lt);
                i = stop;
                continue;
            }

            var counted = !Uncounted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) && html[gt - 1] != '/';
            var keep = true;
            if (counted && !closing)
            {
                if (depth >= maxDepth)
                {
                    excess++;
                    dropped++;
                    keep = false;
                }
                else depth++;
            }
            else if (counted && closing)
            {
                if (excess > 0)
                {
                    excess--;
                    keep = false;
                }
                else if (depth > 0) depth--;
            }

            if (keep) sb.Append(html, lt, tagEnd - lt);
            i = tagEnd;
        }

        return (sb.ToString(), dropped);
    }

    private static int CountOf(string s, char c, int limit)
    {
        var n = 0;
        foreach (var ch in s)
        {
            if (ch == c && ++n > limit) break;
        }

        return n;
    }
}

using System.Net;
using System.Text;

namespace Lede.Parse;

/// <summary>
/// A tolerant pass over XML that is not well-formed: escapes stray <c>&amp;</c> and <c>&lt;</c>, turns undeclared
/// (HTML) entities into characters, drops the DOCTYPE and illegal characters, and balances tags.
/// </summary>
internal static class XmlRepair
{
    private static readonly HashSet<string> XmlEntities = new(StringComparer.Ordinal) { "amp", "lt", "gt", "quot", "apos" };

    /// <summary>The repaired text; <paramref name="summary"/> lists the kinds of repair made.</summary>
    public static string Repair(string text, out string summary)
    {
        var sb = new StringBuilder(text.Length + 64);
        var stack = new List<string>();
        var done = new SortedSet<string>(StringComparer.Ordinal);
        var undeclared = UndeclaredPrefixes(text);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<')
            {
                var before = stack.Count;
                i = Markup(text, i, sb, stack, done);
                if (undeclared.Count > 0 && before == 0 && stack.Count == 1 && sb[^1] == '>')
                {
                    // The root element: declare the prefixes the document uses but never declares.
                    sb.Length--;
                    foreach (var prefix in undeclared) sb.Append(" xmlns:").Append(prefix).Append("=\"urn:x-undeclared:").Append(prefix).Append('"');
                    sb.Append('>');
                    done.Add("undeclared prefixes declared");
                    undeclared.Clear();
                }
            }
            else if (c == '&')
            {
                i = Entity(text, i, sb, done);
            }
            else
            {
                if (IsLegal(c)) sb.Append(c);
                else done.Add("illegal characters removed");
                i++;
            }
        }

        for (var k = stack.Count - 1; k >= 0; k--)
        {
            sb.Append("</").Append(stack[k]).Append('>');
            done.Add("unclosed tags closed");
        }

        summary = done.Count == 0 ? "nothing to fix" : string.Join(", ", done);
        return sb.ToString();
    }

    private static readonly HashSet<string> HtmlVoid = new(StringComparer.OrdinalIgnoreCase) { "br", "hr", "img", "input", "meta", "link", "area", "col", "wbr", "source" };

    private static bool HasEndTag(string text, int from, string name)
    {
        var next = text.IndexOf('<', from);
        return next >= 0 && next + 2 + name.Length <= text.Length && text[next + 1] == '/'
               && string.CompareOrdinal(text, next + 2, name, 0, name.Length) == 0;
    }

    private static List<string> UndeclaredPrefixes(string text)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal) { "xml", "xmlns" };
        for (var at = text.IndexOf('<'); at >= 0 && at + 1 < text.Length; at = text.IndexOf('<', at + 1))
        {
            var j = at + 1;
            if (text[j] == '/') continue;
            var start = j;
            while (j < text.Length && IsNameChar(text[j]) && text[j] != ':') j++;
            if (j < text.Length && text[j] == ':' && j > start) used.Add(text[start..j]);
        }

        for (var at = text.IndexOf("xmlns:", StringComparison.Ordinal); at >= 0; at = text.IndexOf("xmlns:", at + 6, StringComparison.Ordinal))
        {
            var j = at + 6;
            while (j < text.Length && IsNameChar(text[j]) && text[j] != ':') j++;
            declared.Add(text[(at + 6)..j]);
        }

        return [.. used.Where(p => !declared.Contains(p) && !Ns.WellKnownPrefixes.ContainsKey(p) && IsNameStart(p[0])).Order(StringComparer.Ordinal)];
    }

    private static bool IsLegal(char c) => c >= 0x20 ? c is not ('\uFFFE' or '\uFFFF') : c is '\t' or '\n' or '\r';

    private static int Markup(string text, int i, StringBuilder sb, List<string> stack, SortedSet<string> done)
    {
        if (Starts(text, i, "<!--")) return CopyUntil(text, i, "-->", sb);
        if (Starts(text, i, "<![CDATA[")) return CopyUntil(text, i, "]]>", sb);
        if (Starts(text, i, "<?")) return CopyUntil(text, i, "?>", sb);
        if (Starts(text, i, "<!DOCTYPE") || Starts(text, i, "<!doctype"))
        {
            done.Add("DOCTYPE removed");
            return SkipDoctype(text, i);
        }

        var closing = i + 1 < text.Length && text[i + 1] == '/';
        var nameStart = closing ? i + 2 : i + 1;
        var nameEnd = nameStart;
        while (nameEnd < text.Length && IsNameChar(text[nameEnd])) nameEnd++;
        if (nameEnd == nameStart || !IsNameStart(text[nameStart]))
        {
            sb.Append("&lt;");
            done.Add("stray < escaped");
            return i + 1;
        }

        var end = TagEnd(text, nameEnd);
        if (end == -2)
        {
            sb.Append("&lt;");
            done.Add("stray < escaped");
            return i + 1;
        }

        if (end < 0)
        {
            // A tag cut off by the end of the document.
            done.Add("truncated tag dropped");
            return text.Length;
        }

        var name = text[nameStart..nameEnd];
        if (closing)
        {
            var at = stack.LastIndexOf(name);
            if (at < 0)
            {
                done.Add("stray end tags dropped");
                return end + 1;
            }

            for (var k = stack.Count - 1; k > at; k--)
            {
                sb.Append("</").Append(stack[k]).Append('>');
                done.Add("unclosed tags closed");
            }

            stack.RemoveRange(at, stack.Count - at);
            sb.Append("</").Append(name).Append('>');
            return end + 1;
        }

        // HTML's void elements inside unescaped descriptions have no end tag.
        var selfClosing = text[end - 1] == '/' || (HtmlVoid.Contains(name) && !HasEndTag(text, end, name));
        if (!selfClosing) stack.Add(name);
        sb.Append('<').Append(name);
        AppendAttributes(text.AsSpan(nameEnd, end - nameEnd).TrimEnd('/'), sb, done);
        sb.Append(selfClosing ? "/>" : ">");
        return end + 1;
    }

    private static void AppendAttributes(ReadOnlySpan<char> attrs, StringBuilder sb, SortedSet<string> done)
    {
        for (var j = 0; j < attrs.Length; j++)
        {
            var c = attrs[j];
            if (c == '&')
            {
                var semi = attrs[j..].IndexOf(';');
                var name = semi > 1 ? attrs.Slice(j + 1, semi - 1).ToString() : "";
                if (semi > 1 && (name.StartsWith('#') || XmlEntities.Contains(name))) sb.Append('&');
                else if (semi > 1 && WebUtility.HtmlDecode($"&{name};") is var d && d != $"&{name};")
                {
                    sb.Append(Escape(d));
                    j += semi;
                }
                else
                {
                    sb.Append("&amp;");
                    done.Add("unescaped & escaped");
                }
            }
            else if (c == '<')
            {
                sb.Append("&lt;");
            }
            else if (IsLegal(c))
            {
                sb.Append(c);
            }
        }
    }

    private static int Entity(string text, int i, StringBuilder sb, SortedSet<string> done)
    {
        var j = i + 1;
        while (j < text.Length && j - i < 40 && (char.IsAsciiLetterOrDigit(text[j]) || text[j] == '#')) j++;
        if (j < text.Length && text[j] == ';' && j > i + 1)
        {
            var name = text[(i + 1)..j];
            if (name[0] == '#' || XmlEntities.Contains(name))
            {
                sb.Append(text, i, j + 1 - i);
                return j + 1;
            }

            var decoded = WebUtility.HtmlDecode(text[i..(j + 1)]);
            if (decoded != text[i..(j + 1)])
            {
                sb.Append(Escape(decoded));
                done.Add("HTML entities decoded");
                return j + 1;
            }

            done.Add("unknown entities kept as text");
        }
        else
        {
            done.Add("unescaped & escaped");
        }

        sb.Append("&amp;");
        return i + 1;
    }

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static int TagEnd(string text, int from)
    {
        char quote = '\0';
        for (var j = from; j < text.Length; j++)
        {
            var c = text[j];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return j;
            else if (c == '<') return -2;
        }

        return -1;
    }

    private static int SkipDoctype(string text, int i)
    {
        var depth = 0;
        for (var j = i; j < text.Length; j++)
        {
            if (text[j] == '[') depth++;
            else if (text[j] == ']') depth--;
            else if (text[j] == '>' && depth <= 0) return j + 1;
        }

        return text.Length;
    }

    private static int CopyUntil(string text, int i, string terminator, StringBuilder sb)
    {
        var end = text.IndexOf(terminator, i, StringComparison.Ordinal);
        var stop = end < 0 ? text.Length : end + terminator.Length;
        sb.Append(text, i, stop - i);
        if (end < 0) sb.Append(terminator);
        return stop;
    }

    private static bool Starts(string text, int i, string s) => string.CompareOrdinal(text, i, s, 0, s.Length) == 0;

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or ':' or '-' or '.';
}

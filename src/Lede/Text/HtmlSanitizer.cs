using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Lede.Text;

/// <summary>An allowlist HTML sanitizer: keeps text and safe markup, drops scripts, handlers and unsafe URLs.</summary>
/// <remarks>Output is re-serialized from the parsed tree, never spliced from the input, so malformed markup cannot smuggle tags.</remarks>
public static class HtmlSanitizer
{
    /// <summary>Nesting past this depth is flattened to text: deep trees are a denial-of-service vector, not content.</summary>
    private const int MaxDepth = 64;

    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "a", "div", "span", "b", "i", "u", "s", "em", "strong", "small", "sub", "sup", "mark", "q", "cite", "abbr", "del", "ins",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "kbd", "samp", "var", "hr",
        "h1", "h2", "h3", "h4", "h5", "h6", "img", "figure", "figcaption", "picture",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "time",
    };

    // Dropped with everything inside: their content is code, not text.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "form", "input", "button", "select", "textarea", "noscript",
        "template", "svg", "math", "frame", "frameset", "applet", "base", "link", "meta", "title", "head", "noembed",
        "noframes", "xmp", "plaintext", "audio", "video", "source", "track", "canvas", "dialog", "param", "portal",
    };

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase) { "br", "hr", "img", "col" };
    private static readonly HashSet<string> VoidOther = new(StringComparer.OrdinalIgnoreCase) { "area", "embed", "input", "link", "meta", "source", "track", "wbr", "p", "li" };

    /// <summary>Past this estimated depth the input is not parsed as HTML at all.</summary>
    private const int MaxParseDepth = 256;

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    /// <summary>The sanitized fragment, with relative href/src resolved against <paramref name="baseUrl"/>; null when nothing is left.</summary>
    public static string? Sanitize(string? html, string? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        // Plain text with nothing to interpret is already safe HTML.
        if (!html.AsSpan().ContainsAny('<', '&', '>')) return html.Trim();
        if (NestingDepth(html) > MaxParseDepth)
        {
            // HTML parsers slow to a crawl (or overflow) on pathological nesting: keep only the words.
            var text = HtmlText.ToPlain(html);
            return text is null ? null : System.Net.WebUtility.HtmlEncode(text);
        }

        var document = Parser.ParseDocument(html);
        var sb = new StringBuilder(html.Length);
        if (document.Body is { } body) WriteChildren(body, sb, baseUrl, 0);
        var result = sb.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary>Open-tag depth estimated in one pass without parsing: the guard in front of the HTML parser.</summary>
    private static int NestingDepth(string html)
    {
        int depth = 0, max = 0;
        for (var i = html.IndexOf('<'); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            var next = html[i + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next))
            {
                var end = i + 1;
                while (end < html.Length && char.IsAsciiLetterOrDigit(html[end])) end++;
                var gt = html.IndexOf('>', end);
                if (Void.Contains(html[(i + 1)..end]) || VoidOther.Contains(html[(i + 1)..end]) || (gt > 0 && html[gt - 1] == '/')) continue;
                max = Math.Max(max, ++depth);
            }
        }

        return max;
    }

    private static void WriteChildren(INode parent, StringBuilder sb, string? baseUrl, int depth)
    {
        foreach (var node in parent.ChildNodes)
        {
            switch (node)
            {
                case IText text:
                    Escape(text.Data, sb, attribute: false);
                    break;
                case IElement e when Dropped.Contains(e.LocalName):
                    break;
                case IElement e when depth < MaxDepth && e.NamespaceUri == AngleSharp.Dom.NamespaceNames.HtmlUri && Allowed.Contains(e.LocalName):
                    WriteElement(e, sb, baseUrl, depth);
                    break;
                case IElement e when depth >= MaxDepth:
                    WriteText(e, sb);
                    break;
                case IElement e:
                    // Unknown but harmless wrappers (font, center): keep what they hold.
                    WriteChildren(e, sb, baseUrl, depth + 1);
                    break;
            }
        }
    }

    /// <summary>The text under <paramref name="root"/>, walked without recursion: past the depth cap only words are kept.</summary>
    private static void WriteText(INode root, StringBuilder sb)
    {
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                Escape(t.Data, sb, attribute: false);
                continue;
            }

            if (node is IElement el && Dropped.Contains(el.LocalName)) continue;
            for (var i = node.ChildNodes.Length - 1; i >= 0; i--) stack.Push(node.ChildNodes[i]);
        }
    }

    private static void WriteElement(IElement e, StringBuilder sb, string? baseUrl, int depth)
    {
        var name = e.LocalName;
        sb.Append('<').Append(name);
        var hasHref = false;
        foreach (var attr in e.Attributes)
        {
            var value = SafeAttribute(name, attr.LocalName, attr.Value, baseUrl);
            if (value is null) continue;
            hasHref |= attr.LocalName == "href";
            sb.Append(' ').Append(attr.LocalName).Append("=\"");
            Escape(value, sb, attribute: true);
            sb.Append('"');
        }

        if (name == "a" && hasHref)
        {
            sb.Append(" rel=\"noopener noreferrer\"");
        }

        sb.Append('>');
        if (Void.Contains(name)) return;
        WriteChildren(e, sb, baseUrl, depth + 1);
        sb.Append("</").Append(name).Append('>');
    }

    private static string? SafeAttribute(string element, string attr, string value, string? baseUrl)
    {
        switch (attr.ToLowerInvariant())
        {
            case "href" when element == "a":
                return SafeUrl(value, baseUrl, allowMailto: true);
            case "src" when element == "img":
                return SafeUrl(value, baseUrl, allowMailto: false);
            case "cite" when element is "blockquote" or "q" or "del" or "ins":
                return SafeUrl(value, baseUrl, allowMailto: false);
            case "alt" or "title":
            case "width" or "height" when element is "img" or "td" or "th" or "col":
            case "colspan" or "rowspan" when element is "td" or "th":
            case "datetime" when element is "time" or "del" or "ins":
            case "start" when element == "ol":
                return value;
            default:
                return null;
        }
    }

    /// <summary>An absolute http(s) (or mailto) URL, else null: javascript:, data: and the rest never pass.</summary>
    public static string? SafeUrl(string value, string? baseUrl, bool allowMailto)
    {
        var url = value.Trim();
        if (url.Length == 0) return null;
        if (url.StartsWith('#')) return url;
        Uri? resolved = null;
        if (Lede.Parse.UrlResolver.HasScheme(url)) Uri.TryCreate(url, UriKind.Absolute, out resolved);
        else if (baseUrl is not null && Lede.Parse.UrlResolver.HasScheme(baseUrl) && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b))
        {
            Uri.TryCreate(b, url, out resolved);
        }
        else if (!url.Contains(':', StringComparison.Ordinal))
        {
            // Relative with nothing to resolve against: harmless as it stands.
            return url;
        }

        if (resolved is null) return null;
        return resolved.Scheme is "http" or "https" || (allowMailto && resolved.Scheme == "mailto") ? resolved.OriginalString == url ? url : resolved.AbsoluteUri : null;
    }

    private static void Escape(string s, StringBuilder sb, bool attribute)
    {
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"' when attribute: sb.Append("&quot;"); break;
                default: sb.Append(c); break;
            }
        }
    }
}

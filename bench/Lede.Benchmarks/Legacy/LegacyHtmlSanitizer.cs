using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace Lede.Benchmarks.Legacy;

/// <summary>The AngleSharp-based sanitizer as it was before the single-pass one (frozen copy): the baseline the parse-stages harness compares against.</summary>
/// <remarks>Output is re-serialized from the parsed tree, never spliced from the input, so malformed markup cannot smuggle tags.</remarks>
internal static partial class LegacyHtmlSanitizer
{
    /// <summary>Allowed tags nested past this depth are dropped (their text kept): deep trees are an attack, not content.</summary>
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



    /// <summary>Elements that hold no content: never opened, never closed.</summary>
    private static readonly HashSet<string> DroppedVoid = new(StringComparer.OrdinalIgnoreCase)
    {
        "input", "embed", "source", "track", "param", "link", "meta", "base", "frame",
    };

    /// <summary>The sanitized fragment, with relative href/src resolved against <paramref name="baseUrl"/>; null when nothing is left.</summary>
    public static string? Sanitize(string? html, string? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        // Plain text with nothing to interpret is already safe HTML.
        if (!html.AsSpan().ContainsAny('<', '&', '>')) return html.Trim();
        var sb = new StringBuilder(html.Length);
        // The fast scanner takes plain, well-formed markup; anything unusual goes to the HTML5 tokenizer.
        if (!TryWriteSimple(html, sb, baseUrl))
        {
            sb.Clear();
            Write(html, sb, baseUrl);
        }

        var result = sb.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary>
    /// One pass over the HTML5 tokenizer's tokens: allowed tags re-written with safe attributes, dropped elements skipped
    /// with their content, text escaped, and every tag we open closed, so the output is balanced whatever the input.
    /// </summary>
    /// <remarks>A token stream, not a tree: linear in the input however deep the nesting, which the tree builder is not.</remarks>
    internal static void Write(string html, StringBuilder sb, string? baseUrl)
    {
        using var source = new TextSource(html);
        var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver);
        var open = new List<string>();
        string? dropping = null;
        var dropDepth = 0;
        while (true)
        {
            var token = tokenizer.Get();
            switch (token.Type)
            {
                case HtmlTokenType.EndOfFile:
                    Close(open, 0, sb);
                    return;
                case HtmlTokenType.Character:
                    if (dropping is null) Escape(token.Data, sb, attribute: false);
                    break;
                case HtmlTokenType.StartTag:
                    {
                        var tag = token.AsTag();
                        var name = tag.Name.ToLowerInvariant();
                        SwitchState(tokenizer, name);
                        if (dropping is not null)
                        {
                            if (name == dropping && !tag.IsSelfClosing) dropDepth++;
                        }
                        else if (Dropped.Contains(name))
                        {
                            if (!tag.IsSelfClosing && !DroppedVoid.Contains(name)) (dropping, dropDepth) = (name, 1);
                        }
                        else
                        {
                            Open(open, name, tag.Attributes.Select(a => (a.Name, a.Value)), tag.IsSelfClosing, sb, baseUrl);
                        }

                        break;
                    }

                case HtmlTokenType.EndTag:
                    {
                        var name = token.Name.ToLowerInvariant();
                        if (dropping is not null)
                        {
                            if (name == dropping && --dropDepth == 0) dropping = null;
                        }
                        else if (open.LastIndexOf(name) is var at && at >= 0)
                        {
                            Close(open, at, sb);
                        }

                        break;
                    }
            }
        }
    }

    /// <summary>An allowed start tag: written with its safe attributes and pushed, unless nesting is already too deep.</summary>
    private static void Open(List<string> open, string name, IEnumerable<(string Name, string Value)> attributes, bool selfClosing, StringBuilder sb, string? baseUrl)
    {
        if (!Allowed.Contains(name) || open.Count >= MaxDepth) return;
        // <p> and <li> end the previous one, as in HTML.
        if (name is "p" or "li" && open.LastIndexOf(name) is var prev && prev >= 0) Close(open, prev, sb);
        WriteTag(name, attributes, sb, baseUrl);
        if (!Void.Contains(name) && !selfClosing) open.Add(name);
    }

    private static void Close(List<string> open, int from, StringBuilder sb)
    {
        for (var i = open.Count - 1; i >= from; i--) sb.Append("</").Append(open[i]).Append('>');
        open.RemoveRange(from, open.Count - from);
    }

    /// <summary>What the HTML tree builder would tell the tokenizer: the content of these elements is not markup.</summary>
    private static void SwitchState(HtmlTokenizer tokenizer, string name)
    {
        switch (name)
        {
            case "script":
                tokenizer.State = HtmlParseMode.Script;
                break;
            case "style" or "xmp" or "iframe" or "noembed" or "noframes" or "noscript":
                tokenizer.State = HtmlParseMode.Rawtext;
                break;
            case "textarea" or "title":
                tokenizer.State = HtmlParseMode.RCData;
                break;
            case "plaintext":
                tokenizer.State = HtmlParseMode.Plaintext;
                break;
        }
    }

    private static void WriteTag(string name, IEnumerable<(string Name, string Value)> attributes, StringBuilder sb, string? baseUrl)
    {
        sb.Append('<').Append(name);
        var hasHref = false;
        HashSet<string>? seen = null;
        foreach (var (rawName, rawValue) in attributes)
        {
            var attrName = rawName.ToLowerInvariant();
            if (!(seen ??= new(StringComparer.Ordinal)).Add(attrName)) continue;
            var value = SafeAttribute(name, attrName, rawValue, baseUrl);
            if (value is null) continue;
            hasHref |= attrName == "href";
            sb.Append(' ').Append(attrName).Append("=\"");
            Escape(value, sb, attribute: true);
            sb.Append('"');
        }

        if (name == "a" && hasHref) sb.Append(" rel=\"noopener noreferrer\"");
        sb.Append('>');
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
        // The common case, an absolute http(s) URL without spaces or control characters, needs no parsing.
        if ((url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            && !url.AsSpan().ContainsAnyInRange('\0', ' ') && url.IndexOf('\\', StringComparison.Ordinal) < 0)
        {
            return url;
        }

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

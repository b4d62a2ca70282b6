using AngleSharp.Dom;

namespace Lede.Enrich;

/// <summary>Builds the extractor's light tree from a document, leaving out code, hidden nodes and form controls.</summary>
internal static class ContentTree
{
    // Never text: dropped with everything inside.
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "head", "select",
        "option", "button", "input", "textarea", "link", "meta", "dialog", "audio", "video", "source", "track", "map", "area",
        "title", "base", "param", "frame", "frameset", "noembed", "noframes",
    };

    /// <summary>Elements whose end starts a new paragraph.</summary>
    public static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figure", "figcaption", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
        "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "details", "summary", "center", "body", "html", "menu", "hgroup",
    };

    public static ContentNode Build(IDocument doc, Deadline deadline)
    {
        var rootElement = doc.Body ?? doc.DocumentElement;
        var root = new ContentNode(rootElement, "body", null, null);
        if (rootElement is null) return root;
        var stack = new Stack<(INode Dom, ContentNode Parent)>();
        for (var c = rootElement.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, root));
        var steps = 0;
        while (stack.Count > 0)
        {
            if ((++steps & 1023) == 0 && deadline.Passed) break;
            var (dom, parent) = stack.Pop();
            if (dom is IText t)
            {
                parent.Children.Add(new ContentNode(null, "#text", t.Data, parent));
                continue;
            }

            if (dom is not IElement e) continue;
            var tag = e.LocalName;
            if (Skipped.Contains(tag) || IsHidden(e)) continue;
            var node = new ContentNode(e, tag, null, parent) { ClassAndId = ClassAndIdOf(e) };
            parent.Children.Add(node);
            for (var c = e.LastChild; c is not null; c = c.PreviousSibling) stack.Push((c, node));
        }

        Count(root);
        return root;
    }

    private static string ClassAndIdOf(IElement e)
    {
        var cls = e.GetAttribute("class");
        var id = e.Id;
        if (string.IsNullOrEmpty(cls)) return string.IsNullOrEmpty(id) ? "" : id.ToLowerInvariant();
        return string.IsNullOrEmpty(id) ? cls.ToLowerInvariant() : (cls + " " + id).ToLowerInvariant();
    }

    private static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden")) return true;
        if (string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = e.GetAttribute("style");
        if (style is null) return false;
        return Compact(style).Contains("display:none", StringComparison.OrdinalIgnoreCase)
               || Compact(style).Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    private static string Compact(string style) => style.Contains(' ', StringComparison.Ordinal) ? style.Replace(" ", "", StringComparison.Ordinal) : style;

    /// <summary>Recomputes the counts bottom-up, skipping removed nodes (iterative: no stack depth limit).</summary>
    public static void Count(ContentNode root)
    {
        var order = new List<ContentNode>();
        var stack = new Stack<ContentNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            order.Add(n);
            foreach (var c in n.Children) stack.Push(c);
        }

        for (var i = order.Count - 1; i >= 0; i--)
        {
            var n = order[i];
            if (n.IsText)
            {
                (n.Chars, n.Commas) = Measure(n.Text!);
                n.LinkChars = 0;
                n.Paragraphs = 0;
                continue;
            }

            int chars = 0, links = 0, commas = 0, paras = 0;
            foreach (var c in n.Children)
            {
                if (c.Removed) continue;
                chars += c.Chars;
                links += c.LinkChars;
                commas += c.Commas;
                paras += c.Paragraphs;
            }

            if (n.Tag == "a") links = chars;
            if (n.Tag is "p" or "pre" && chars >= 20) paras++;
            n.Chars = chars;
            n.LinkChars = links;
            n.Commas = commas;
            n.Paragraphs = paras;
        }
    }

    private static (int Chars, int Commas) Measure(string s)
    {
        int chars = 0, commas = 0;
        var space = true;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch))
            {
                if (!space) chars++;
                space = true;
                continue;
            }

            space = false;
            chars++;
            if (ch is ',' or '，' or '、' or '،') commas++;
        }

        return (chars, commas);
    }
}

using Lede.Text;

namespace Lede.Parse;

/// <summary>Reads OPML subscription lists with the same safe, tolerant XML path as feeds.</summary>
public static class OpmlReader
{
    /// <summary>More outlines than this is not a reading list but an attack on the importer.</summary>
    /// <value>Default: 10,000 outlines.</value>
    public const int MaxOutlines = 10_000;

    /// <summary>Every outline with an <c>xmlUrl</c>, in document order, folders flattened into categories.</summary>
    public static OpmlResult Parse(FeedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var warnings = new List<ParseWarning>();
        var text = FeedDecoder.Decode(input.Bytes.Span, input.ContentType, warnings);
        var root = XmlTreeBuilder.Build(text, warnings);
        if (root is null || !root.Is("opml"))
        {
            return new OpmlResult([], warnings, root is null ? "no XML element found" : $"not OPML: root element <{root.Name}>");
        }

        var body = root.Child("body");
        if (body is null) return new OpmlResult([], warnings, "OPML without a <body>");
        var outlines = new List<OpmlOutline>();
        var baseUrl = input.Url?.AbsoluteUri;
        // Iterative walk: folders may nest deeply in hostile files.
        var stack = new Stack<(XmlNode Node, string? Folder)>();
        for (var i = body.Children.Count - 1; i >= 0; i--) stack.Push((body.Children[i], null));
        while (stack.Count > 0)
        {
            var (node, folder) = stack.Pop();
            if (!node.Is("outline")) continue;
            var title = HtmlText.ToPlain(node.Attr("title"));
            var label = HtmlText.ToPlain(node.Attr("text"));
            var xmlUrl = UrlResolver.Resolve(baseUrl, node.Attr("xmlUrl") ?? node.Attr("url"));
            if (xmlUrl is not null && node.Attr("type") is not ("link" or "include"))
            {
                if (outlines.Count >= MaxOutlines)
                {
                    warnings.Add(new("other", $"more than {MaxOutlines} outlines; the rest were skipped"));
                    break;
                }

                var category = ReadContext.NullIfEmpty(node.Attr("category")) ?? folder;
                outlines.Add(new OpmlOutline(xmlUrl, UrlResolver.Resolve(baseUrl, node.Attr("htmlUrl")), title, label, category));
            }
            else if (xmlUrl is null && node.HasChildren)
            {
                var name = title ?? label;
                var path = name is null ? folder : folder is null ? name : $"{folder}/{name}";
                for (var i = node.Children.Count - 1; i >= 0; i--) stack.Push((node.Children[i], path));
            }
            else if (xmlUrl is null)
            {
                warnings.Add(new("url", $"outline '{title ?? label}' has no xmlUrl; skipped"));
            }
        }

        return new OpmlResult(outlines, warnings);
    }
}

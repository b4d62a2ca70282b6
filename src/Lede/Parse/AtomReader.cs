namespace Lede.Parse;

/// <summary>Reads Atom 1.0 and 0.3 (root <c>feed</c>).</summary>
internal static class AtomReader
{
    public static Feed Read(XmlNode root, ReadContext ctx)
    {
        var version = root.Ns == Ns.Atom03 || root.Attr("version") == "0.3" ? "0.3" : "1.0";
        string? title = null, link = null, feedLink = null, description = null, language = null, copyright = null, generator = null;
        DateTime? updated = null, published = null;
        FeedImage? image = null;
        var authors = new List<FeedPerson>();
        var categories = new List<string>();
        language = ReadContext.NullIfEmpty(root.Attr("lang"))?.Replace('_', '-');
        foreach (var c in root.Children)
        {
            if (!Ns.IsAtom(c.Ns) && c.Ns != Ns.None)
            {
                continue;
            }

            switch (XmlNames.Lower(c.Name))
            {
                case "title":
                    title ??= PlainText(c);
                    break;
                case "subtitle" or "tagline" or "info":
                    description ??= Html(c, ctx);
                    break;
                case "link":
                    var rel = c.Attr("rel") ?? "alternate";
                    if (rel == "self") feedLink ??= ctx.Url(c, Href(c));
                    else if (rel == "alternate" && (link is null || IsHtmlType(c.Attr("type")))) link = ctx.Url(c, Href(c)) ?? link;
                    break;
                case "rights" or "copyright":
                    copyright ??= PlainText(c);
                    break;
                case "generator":
                    generator ??= ReadContext.Plain(c) ?? ReadContext.NullIfEmpty(c.Attr("uri") ?? c.Attr("url"));
                    break;
                case "updated" or "modified":
                    updated ??= ctx.Date(c);
                    break;
                case "published" or "issued":
                    published ??= ctx.Date(c);
                    break;
                case "author":
                    if (PersonOf(c, ctx) is { } a) authors.Add(a);
                    break;
                case "category":
                    if (ReadContext.NullIfEmpty(c.Attr("term") ?? c.Attr("label") ?? c.Text) is { } cat && !categories.Contains(cat)) categories.Add(cat);
                    break;
                case "logo" or "icon":
                    if (image is null || c.Is("logo")) image = ctx.Url(c, c.Text) is { } u ? new FeedImage(u) : image;
                    break;
            }
        }

        // Some Atom 0.3 feeds call their entries "item", as RSS does; the content model is Atom's all the same.
        var items = RssReader.ReadItems(root.Children.Where(c => (c.Is("entry") || c.Is("item")) && (Ns.IsAtom(c.Ns) || c.Ns == Ns.None)), ctx, ReadEntry);
        return new Feed
        {
            Format = "atom",
            Version = version,
            Title = title,
            Link = link,
            FeedLink = feedLink,
            Description = description,
            Language = language,
            Copyright = copyright,
            Generator = generator,
            Image = image,
            Updated = updated,
            Published = published,
            Authors = authors,
            Categories = categories,
            Items = items,
        };
    }

    private static FeedItem ReadEntry(XmlNode entry, ReadContext ctx)
    {
        string? id = null, title = null, link = null, summary = null, content = null;
        DateTime? published = null, updated = null;
        var authors = new List<FeedPerson>();
        var categories = new List<string>();
        var enclosures = new List<FeedEnclosure>();
        FeedImage? image = null;
        foreach (var c in entry.Children)
        {
            if (!Ns.IsAtom(c.Ns) && c.Ns != Ns.None)
            {
                continue;
            }

            switch (XmlNames.Lower(c.Name))
            {
                case "id":
                    id ??= Id(c, ctx);
                    break;
                case "title":
                    title ??= PlainText(c);
                    break;
                case "link":
                    var rel = c.Attr("rel") ?? "alternate";
                    var href = ctx.Url(c, Href(c));
                    if (href is null) break;
                    if (rel == "alternate" && (link is null || IsHtmlType(c.Attr("type")))) link = href;
                    else if (rel == "enclosure")
                    {
                        enclosures.Add(new FeedEnclosure(href, ReadContext.NullIfEmpty(c.Attr("type")), ReadContext.Long(c.Attr("length"))));
                        if (image is null && c.Attr("type")?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true) image = new FeedImage(href);
                    }

                    break;
                case "summary":
                    summary ??= Html(c, ctx);
                    break;
                case "content":
                    content ??= c.Attr("src") is { } src && c.Text.Length == 0 && !c.HasChildren ? null : Html(c, ctx);
                    break;
                case "published" or "issued" or "created":
                    published ??= ctx.Date(c);
                    break;
                case "updated" or "modified":
                    updated ??= ctx.Date(c);
                    break;
                case "author":
                    if (PersonOf(c, ctx) is { } a) authors.Add(a);
                    break;
                case "category":
                    if (ReadContext.NullIfEmpty(c.Attr("term") ?? c.Attr("label") ?? c.Text) is { } cat && !categories.Contains(cat)) categories.Add(cat);
                    break;
            }
        }

        // Extensions (media:*, dc:*) are read as in RSS, for what Atom itself did not give.
        var extra = RssItemReader.Read(entry, ctx);
        // Published stays what the feed says: readers that need one time take Published ?? Updated.
        published ??= extra.Published;
        return new FeedItem
        {
            Id = id ?? extra.Guid ?? link ?? ReadContext.HashId(title, published ?? updated, summary),
            Guid = id ?? extra.Guid,
            Title = title ?? extra.Title,
            Link = link ?? extra.Link,
            Description = summary ?? extra.Description,
            Content = content ?? extra.Content,
            Published = published,
            Updated = updated,
            Authors = authors.Count > 0 ? authors : extra.Authors,
            Categories = categories.Count > 0 ? categories : extra.Categories,
            Enclosures = enclosures.Count > 0 ? enclosures : extra.Enclosures,
            Image = image ?? extra.Image,
        };
    }

    /// <summary>
    /// An entry id; a relative one is resolved against an explicit xml:base (not against the feed URL, which can move
    /// and would change every id with it).
    /// </summary>
    private static string? Id(XmlNode node, ReadContext ctx)
    {
        var id = ReadContext.NullIfEmpty(node.Text);
        if (id is null || UrlResolver.HasScheme(id) || node.Base is null) return id;
        return ctx.Url(node, id);
    }

    /// <summary>A link's href; a link written RSS-style, with the URL as its text, is read all the same.</summary>
    private static string? Href(XmlNode link) => link.Attr("href") ?? (link.HasChildren ? null : ReadContext.NullIfEmpty(link.Text));

    private static bool IsHtmlType(string? type) => type is null || type.Contains("html", StringComparison.OrdinalIgnoreCase);

    /// <summary>An Atom person construct: name, email and uri (Atom 0.3: url), the uri resolved against xml:base.</summary>
    internal static FeedPerson? PersonOf(XmlNode node, ReadContext ctx)
    {
        var name = ReadContext.Plain(node.Child("name"));
        var email = ReadContext.NullIfEmpty(node.Child("email")?.Text);
        var uriNode = node.Child("uri") ?? node.Child("url");
        var uri = uriNode is null ? null : ctx.Url(uriNode, uriNode.Text);
        if (name is null && email is null && uri is null) return ReadContext.Person(node.Text);
        return new FeedPerson(name, email, uri);
    }

    /// <summary>Base64 content decoded as UTF-8; null when it is not base64 or not UTF-8 text.</summary>
    private static string? Base64(XmlNode node)
    {
        try
        {
            return StrictUtf8.GetString(Convert.FromBase64String(node.Text.Trim()));
        }
        catch (Exception e) when (e is FormatException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>An Atom text construct as plain text: type text is already text; html and xhtml lose their markup.</summary>
    private static string? PlainText(XmlNode node)
    {
        var type = node.Attr("type") ?? "text";
        if (IsBase64(node)) return Lede.Text.HtmlText.ToPlain(Base64(node) ?? node.Text);
        if (type is "text" or "text/plain" && !node.HasChildren) return Lede.Text.HtmlText.Collapse(node.Text) is { Length: > 0 } t ? t : null;
        return ReadContext.Plain(node);
    }

    /// <summary>An Atom text construct as sanitized HTML: text is escaped, html unescaped once, xhtml serialized.</summary>
    private static string? Html(XmlNode node, ReadContext ctx)
    {
        var type = node.Attr("type") ?? "text";
        var mode = node.Attr("mode");
        if (IsBase64(node))
        {
            var decoded = Base64(node);
            if (decoded is null)
            {
                ctx.Warn("content", "base64 content could not be decoded; kept as text");
                return ReadContext.TextAsHtml(node.Text);
            }

            return type is "text" or "text/plain" ? ReadContext.TextAsHtml(decoded) : Lede.Text.HtmlSanitizer.Sanitize(decoded, ctx.Base(node));
        }

        if ((type is "text" or "text/plain") && !node.HasChildren && mode != "escaped") return ReadContext.TextAsHtml(node.Text);
        // The xhtml div is a container (RFC 4287 4.1.3.3), not part of the content.
        if (type == "xhtml" && node.Children.Count == 1 && node.Children[0].Is("div", Ns.Xhtml) && node.Text.Trim().Length == 0)
        {
            // Only elements are markup in xhtml content: a div holding just text ("&lt;p&gt;") holds text.
            var div = node.Children[0];
            return div.HasChildren ? ctx.Html(div) : ReadContext.TextAsHtml(div.Text);
        }

        return ctx.Html(node);
    }

    /// <summary>
    /// Atom 0.3 mode="base64", or a media type that is neither text nor XML (RFC 4287 4.1.3.3); such content that does
    /// not decode to UTF-8 text (type="application/x-custom" on a plain title) is read as the text it is.
    /// </summary>
    private static bool IsBase64(XmlNode node)
    {
        if (node.Attr("mode") == "base64") return true;
        var type = node.Attr("type");
        return type is not null && type.Contains('/', StringComparison.Ordinal) && !node.HasChildren
               && !type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
               && !type.EndsWith("xml", StringComparison.OrdinalIgnoreCase);
    }
}

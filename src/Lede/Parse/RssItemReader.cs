namespace Lede.Parse;

/// <summary>Reads one RSS (0.9x, 1.0 or 2.0) item with its common extensions: content, dc, media, itunes, atom.</summary>
internal static class RssItemReader
{
    public static FeedItem Read(XmlNode item, ReadContext ctx)
    {
        string? title = null, link = null, guid = null, description = null, content = null;
        DateTime? published = null, updated = null;
        var authors = new List<FeedPerson>();
        var categories = new List<string>();
        var enclosures = new List<FeedEnclosure>();
        FeedImage? image = null;
        var guidIsLink = true;
        string? itunesTitle = null;
        foreach (var c in item.Children)
        {
            var ns = c.Ns;
            var rssLike = Ns.IsRss(ns) || (ns == item.Ns && !Ns.IsAtom(ns));
            switch (XmlNames.Lower(c.Name))
            {
                case "title" when rssLike || Ns.IsDc(ns):
                    title ??= ReadContext.Plain(c);
                    break;
                case "title" when Ns.IsItunes(ns):
                    // Podcasts may title an episode only in iTunes terms; RSS's own title wins when both are there.
                    itunesTitle ??= ReadContext.Plain(c);
                    break;
                case "link" when rssLike:
                    link ??= ctx.Url(c, c.Text);
                    break;
                case "link" when Ns.IsAtom(ns) && (c.Attr("rel") ?? "alternate") == "alternate":
                    link ??= ctx.Url(c, c.Attr("href"));
                    break;
                case "guid" when rssLike:
                    guid = ReadContext.NullIfEmpty(c.Text);
                    guidIsLink = !string.Equals(c.Attr("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
                    break;
                case "description" when rssLike || Ns.IsDc(ns):
                case "summary" when Ns.IsItunes(ns):
                    description ??= ctx.Html(c);
                    break;
                case "encoded" when Ns.IsContent(ns):
                case "body" when ns == Ns.Xhtml || rssLike:
                case "fullitem" when rssLike:
                    content ??= ctx.Html(c);
                    break;
                case "pubdate" when rssLike:
                case "date" when Ns.IsDc(ns):
                case "issued" when Ns.IsDc(ns):
                case "published" when Ns.IsAtom(ns):
                    published ??= ctx.Date(c);
                    break;
                case "modified" when Ns.IsDc(ns):
                case "updated" when Ns.IsAtom(ns):
                    updated ??= ctx.Date(c);
                    break;
                case "author" when Ns.IsAtom(ns):
                    if (AtomReader.PersonOf(c, ctx) is { } ap && !authors.Contains(ap)) authors.Add(ap);
                    break;
                case "author" when rssLike || Ns.IsItunes(ns):
                case "creator" or "author" when Ns.IsDc(ns):
                    // Markup inside an author ("<p>Name</p>") is text, not structure: the person is read from all of it.
                    if (ReadContext.Person(c.Child("name")?.Text ?? (c.HasChildren ? c.InnerMarkup() : c.Text)) is { } p && !authors.Contains(p)) authors.Add(p);
                    break;
                case "category" when rssLike:
                case "subject" when Ns.IsDc(ns):
                    if (ReadContext.Plain(c) is { } cat && !categories.Contains(cat)) categories.Add(cat);
                    break;
                case "category" when Ns.IsItunes(ns):
                    if (ReadContext.NullIfEmpty(c.Attr("text")) is { } it && !categories.Contains(it)) categories.Add(it);
                    break;
                case "category" when Ns.IsMedia(ns):
                    if (ReadContext.Plain(c) is { } mc && !categories.Contains(mc)) categories.Add(mc);
                    break;
                case "enclosure" when rssLike:
                    AddEnclosure(c, c.Attr("url"), c.Attr("type"), c.Attr("length"), ctx, enclosures, ref image);
                    break;
                case "content" when Ns.IsMedia(ns):
                    AddMedia(c, ctx, enclosures, ref image);
                    break;
                case "group" when Ns.IsMedia(ns):
                    foreach (var m in c.Children)
                    {
                        if (m.Is("content")) AddMedia(m, ctx, enclosures, ref image);
                        else if (m.Is("thumbnail") && image is null) image = ImageOf(m, ctx);
                    }

                    break;
                case "thumbnail" when Ns.IsMedia(ns):
                    image ??= ImageOf(c, ctx);
                    break;
                case "link" when Ns.IsItunes(ns) && string.Equals(c.Attr("rel"), "image", StringComparison.OrdinalIgnoreCase):
                    // The iTunes spec before 2005 named an episode's artwork <itunes:link rel="image" href=…>.
                    image ??= ctx.Url(c, c.Attr("href")) is { } old ? new FeedImage(old) : null;
                    break;
                case "image" when Ns.IsItunes(ns):
                    image ??= ctx.Url(c, c.Attr("href") ?? c.Attr("url") ?? c.Text) is { } href ? new FeedImage(href) : null;
                    break;
            }
        }

        title ??= itunesTitle;
        if (link is null && guid is not null && guidIsLink && UrlResolver.HasScheme(guid)) link = guid;
        // RSS 1.0 names each item by its rdf:about URI.
        var about = item.Ns is Ns.Rss10 or Ns.Rss090 or Ns.Rss090Channel ? ReadContext.NullIfEmpty(item.Attr("about")) : null;
        var id = guid ?? about ?? link ?? ReadContext.HashId(title, published, description);
        return new FeedItem
        {
            Id = id,
            Guid = guid ?? about,
            Title = title,
            Link = link,
            Description = description,
            Content = content,
            Published = published,
            Updated = updated,
            Authors = authors,
            Categories = categories,
            Enclosures = enclosures,
            Image = image,
        };
    }

    private static FeedImage? ImageOf(XmlNode node, ReadContext ctx)
        => ctx.Url(node, node.Attr("url")) is { } url
            ? new FeedImage(url, null, ReadContext.Int(node.Attr("width")), ReadContext.Int(node.Attr("height"))) : null;

    private static void AddMedia(XmlNode m, ReadContext ctx, List<FeedEnclosure> enclosures, ref FeedImage? image)
    {
        AddEnclosure(m, m.Attr("url"), m.Attr("type"), m.Attr("fileSize"), ctx, enclosures, ref image);
        if (image is null && (m.Attr("medium") == "image" || m.Attr("type")?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true))
        {
            image = ImageOf(m, ctx);
        }

        if (image is null && m.Child("thumbnail") is { } t) image = ImageOf(t, ctx);
    }

    private static void AddEnclosure(XmlNode node, string? url, string? type, string? length, ReadContext ctx, List<FeedEnclosure> list, ref FeedImage? image)
    {
        var resolved = ctx.Url(node, url);
        if (resolved is null) return;
        if (list.Exists(e => e.Url == resolved)) return;
        list.Add(new FeedEnclosure(resolved, ReadContext.NullIfEmpty(type), ReadContext.Long(length)));
        if (image is null && type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true) image = new FeedImage(resolved);
    }
}

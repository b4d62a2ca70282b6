namespace Lede.Parse;

/// <summary>Reads RSS 0.90–0.94 and 2.0 (root <c>rss</c>) and, through <see cref="RdfReader"/>, RSS 1.0.</summary>
internal static class RssReader
{
    public static Feed Read(XmlNode root, ReadContext ctx)
    {
        var channel = root.Child("channel");
        if (channel is null)
        {
            ctx.Warn("other", "no <channel> element; read the items under the root");
            channel = root;
        }

        var version = ReadContext.NullIfEmpty(root.Attr("version"));
        // RSS 0.90-style documents keep items beside the channel, not in it.
        var items = channel.All("item").Concat(channel == root ? [] : root.All("item"));
        return ReadChannel(channel, items, ctx) with { Format = "rss", Version = version };
    }

    /// <summary>The channel's own facts and its items; shared with RSS 1.0.</summary>
    public static Feed ReadChannel(XmlNode channel, IEnumerable<XmlNode> itemNodes, ReadContext ctx)
    {
        string? title = null, link = null, feedLink = null, description = null, language = null, copyright = null, generator = null;
        DateTime? updated = null, published = null;
        FeedImage? image = null;
        FeedPerson? webMaster = null;
        var authors = new List<FeedPerson>();
        var categories = new List<string>();
        foreach (var c in channel.Children)
        {
            // A channel put in a namespace of its own (xmlns="http://purl.org/rss/2.0/" and the like) keeps its children RSS.
            var rssLike = Ns.IsRss(c.Ns) || (c.Ns == channel.Ns && !Ns.IsAtom(c.Ns));
            switch (XmlNames.Lower(c.Name))
            {
                case "title" when rssLike || Ns.IsDc(c.Ns):
                    title ??= ReadContext.Plain(c);
                    break;
                case "link" when rssLike:
                    link ??= ctx.Url(c, c.Text);
                    break;
                case "link" when Ns.IsAtom(c.Ns):
                    if (c.Attr("rel") == "self") feedLink ??= ctx.Url(c, c.Attr("href"));
                    else if ((c.Attr("rel") ?? "alternate") == "alternate") link ??= ctx.Url(c, c.Attr("href"));
                    break;
                case "description" when rssLike || Ns.IsDc(c.Ns):
                case "subtitle" when Ns.IsItunes(c.Ns):
                    description ??= ctx.Html(c);
                    break;
                case "language" when rssLike || Ns.IsDc(c.Ns):
                    // "en_US" is a common misspelling of the BCP 47 tag "en-US".
                    language ??= ReadContext.NullIfEmpty(c.Text)?.Replace('_', '-');
                    break;
                case "copyright" when rssLike:
                case "rights" when Ns.IsDc(c.Ns):
                    copyright ??= ReadContext.Plain(c);
                    break;
                case "generator" when rssLike:
                    generator ??= ReadContext.Plain(c);
                    break;
                case "lastbuilddate" when rssLike:
                case "modified" or "date" when Ns.IsDc(c.Ns):
                case "updated" when Ns.IsAtom(c.Ns):
                    updated ??= ctx.Date(c);
                    break;
                case "pubdate" when rssLike:
                    published ??= ctx.Date(c);
                    break;
                case "webmaster" when rssLike:
                    // The technical contact stands in for an author only when the feed names none.
                    webMaster ??= ReadContext.Person(c.Text);
                    break;
                case "managingeditor" or "author" when rssLike || Ns.IsItunes(c.Ns):
                case "creator" or "author" when Ns.IsDc(c.Ns):
                    if (ReadContext.Person(c.Text) is { } p && !authors.Contains(p)) authors.Add(p);
                    break;
                case "category" when rssLike:
                case "subject" when Ns.IsDc(c.Ns):
                    if (ReadContext.Plain(c) is { } cat && !categories.Contains(cat)) categories.Add(cat);
                    break;
                case "category" when Ns.IsItunes(c.Ns):
                    // iTunes categories nest one level: "Technology" > "Gadgets".
                    if (ReadContext.NullIfEmpty(c.Attr("text")) is { } it && !categories.Contains(it)) categories.Add(it);
                    foreach (var sub in c.All("category"))
                    {
                        if (ReadContext.NullIfEmpty(sub.Attr("text")) is { } st && !categories.Contains(st)) categories.Add(st);
                    }

                    break;
                case "image" when rssLike:
                    if (ctx.Url(c, c.ChildText("url") ?? c.Attr("resource")) is { } url)
                    {
                        image ??= new FeedImage(url, ReadContext.Plain(c.Child("title")), ReadContext.Int(c.ChildText("width")), ReadContext.Int(c.ChildText("height")));
                    }

                    break;
                case "image" when Ns.IsItunes(c.Ns):
                    // Apple documents href; feeds in the wild also write url= or the URL as text.
                    image ??= ctx.Url(c, c.Attr("href") ?? c.Attr("url") ?? c.Text) is { } href ? new FeedImage(href) : null;
                    break;
            }
        }

        if (authors.Count == 0 && webMaster is not null) authors.Add(webMaster);
        // Microsoft's CDF (a <CHANNEL HREF=…> root, RSS's predecessor) names the site in an attribute.
        link ??= channel.Attr("href") is { } cdfHref ? ctx.Url(channel, cdfHref) : null;
        return new Feed
        {
            Format = "rss",
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
            Items = ReadItems(itemNodes, ctx),
        };
    }

    /// <summary>Every item; one that throws is dropped with a warning and never takes the others with it.</summary>
    public static List<FeedItem> ReadItems(IEnumerable<XmlNode> nodes, ReadContext ctx)
        => ReadItems(nodes, ctx, RssItemReader.Read);

    public static List<FeedItem> ReadItems(IEnumerable<XmlNode> nodes, ReadContext ctx, Func<XmlNode, ReadContext, FeedItem> read)
    {
        var items = new List<FeedItem>();
        var index = 0;
        foreach (var node in nodes)
        {
            index++;
            if (!node.Complete)
            {
                ctx.Warn("xml", $"item {index} was cut off by the end of the document; dropped");
                continue;
            }

            try
            {
                items.Add(read(node, ctx));
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or OverflowException or UriFormatException)
            {
                ctx.Warn("other", $"item {index} dropped: {e.Message}");
            }
        }

        return items;
    }
}

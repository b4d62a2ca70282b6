namespace Lede.Parse;

/// <summary>Reads RSS 1.0 and 0.90 (root <c>rdf:RDF</c>): channel and items are siblings under the root.</summary>
internal static class RdfReader
{
    public static Feed Read(XmlNode root, ReadContext ctx)
    {
        var channel = root.Child("channel") ?? root;
        var ns = (root.Child("channel") ?? root.Child("item"))?.Ns;
        var version = ns is Ns.Rss090 or Ns.Rss090Channel ? "0.9" : "1.0";
        var items = root.All("item").Concat(channel == root ? [] : channel.All("item"));
        var feed = RssReader.ReadChannel(channel, items, ctx);
        // The channel's <image rdf:resource> only points at the <image> beside it, which holds the title and url.
        if (root.Child("image") is { } image
            && (ctx.Url(image, image.ChildText("url") ?? image.Attr("about")) ?? feed.Image?.Url) is { } url)
        {
            feed = feed with { Image = new FeedImage(url, ReadContext.Plain(image.Child("title")) ?? feed.Image?.Title, feed.Image?.Width, feed.Image?.Height) };
        }

        return feed with { Format = "rdf", Version = version };
    }
}

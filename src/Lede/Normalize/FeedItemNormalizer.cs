using Lede.Parse;
using Lede.Records;
using Lede.Text;

namespace Lede.Normalize;

/// <summary>Turns a feed item into an article record with what the feed alone gives; page facts refine it later.</summary>
public static class FeedItemNormalizer
{
    /// <summary>The record for <paramref name="item"/>, or null with the reason when the item has no usable link.</summary>
    /// <param name="item">The parsed item.</param>
    /// <param name="feed">Its feed, for the provider's name.</param>
    /// <param name="sourceTitle">The title the user gave the source, which outranks the feed's.</param>
    /// <param name="seenAt">When Lede first saw the item: its date when the feed gives none.</param>
    public static (ArticleRecord? Record, string? Problem) ToRecord(FeedItem item, Feed feed, string? sourceTitle, DateTime seenAt)
    {
        var link = item.Link ?? item.News?.AmpWebUrl;
        if (link is null || !Uri.TryCreate(link, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return (null, $"item '{Short(item.Title ?? item.Id)}' has no http(s) link");
        }

        var description = HtmlText.ToPlain(item.Description ?? item.Content) ?? "";
        var title = HtmlText.ToPlain(item.Title) ?? "";
        var domain = item.News?.ProviderDomain ?? ProviderDomain(url);
        var record = new ArticleRecord
        {
            Title = title.Length > 0 ? title : Excerpts.Cut(description, 100),
            Excerpt = Excerpts.Cut(description),
            PublishedDateTime = Truncate(item.Published ?? item.Updated ?? seenAt),
            OriginalUrl = link,
            WebUrl = url.AbsoluteUri,
            AmpWebUrl = item.News?.AmpWebUrl,
            CdnAmpWebUrl = item.News?.AmpWebUrl is null ? null : item.News.CdnAmpWebUrl,
            Type = item.News?.Type == "video" ? ArticleType.Video : ArticleType.Article,
            Heat = item.News?.Heat ?? -1,
            Provider = new ProviderRef(ProviderName(item, feed, sourceTitle, domain), domain),
            Topics = item.News?.Topics ?? [],
            Images = Images(item),
        };
        return (record, null);
    }

    /// <summary>The host without <c>www.</c>; the Public Suffix List refines this to the registrable domain in a later stage.</summary>
    private static string ProviderDomain(Uri url)
    {
        var host = url.IdnHost.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static string ProviderName(FeedItem item, Feed feed, string? sourceTitle, string domain)
    {
        var name = item.News?.ProviderName ?? sourceTitle ?? HtmlText.ToPlain(feed.Title);
        return string.IsNullOrWhiteSpace(name) ? domain : name.Trim();
    }

    private static List<RecordImage> Images(FeedItem item)
    {
        var images = new List<RecordImage>();
        void Add(string url, int? width, int? height)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && images.TrueForAll(i => i.Url != url))
            {
                images.Add(new RecordImage(url, width, height, IsCached: false));
            }
        }

        foreach (var image in item.News?.Images ?? [])
        {
            Add(image.Url, image.Width, image.Height);
        }

        if (item.Image is { } lead)
        {
            Add(lead.Url, lead.Width, lead.Height);
        }

        foreach (var enclosure in item.Enclosures.Where(e => e.Type?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true))
        {
            Add(enclosure.Url, null, null);
        }

        return images;
    }

    private static DateTime Truncate(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

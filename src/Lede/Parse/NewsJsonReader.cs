using System.Text.Json;
using Lede.Text;

namespace Lede.Parse;

/// <summary>Reads the news-JSON model, an array of news objects or <c>{"news": [...]}</c>, from a forward-only reader.</summary>
internal static class NewsJsonReader
{
    /// <summary>The members of one news object, as read; null members were absent or of a type that cannot be read.</summary>
    internal sealed class News
    {
        public string? Id, WebUrl, Url, Title, PublishedDateTime, UpdatedDateTime, AmpWebUrl, CdnAmpWebUrl, Type, Locale;
        public string? ProviderName, ProviderDomain;
        public JsonHtml? Excerpt;
        public int? Heat;
        public List<(string? Url, string? Title, int? Width, int? Height)>? Images;
        public List<string>? Categories, Topics, Tags;
    }

    /// <summary>Reads the news object the reader is on; the reader ends on its closing brace.</summary>
    public static News ReadNews(ref Utf8JsonReader r)
    {
        var n = new News();
        while (JsonValues.NextProperty(ref r))
        {
            if (r.ValueTextEquals("title"u8)) n.Title = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("excerpt"u8)) n.Excerpt = JsonValues.HtmlValue(ref r);
            else if (r.ValueTextEquals("heat"u8)) n.Heat = ToValue(ref r) ? JsonValues.Int(ref r) : null;
            else if (r.ValueTextEquals("type"u8)) n.Type = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("webUrl"u8)) n.WebUrl = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("ampWebUrl"u8)) n.AmpWebUrl = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("cdnAmpWebUrl"u8)) n.CdnAmpWebUrl = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("publishedDateTime"u8)) n.PublishedDateTime = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("updatedDateTime"u8)) n.UpdatedDateTime = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("provider"u8)) ReadProvider(ref r, n);
            else if (r.ValueTextEquals("images"u8)) n.Images = ReadImages(ref r);
            else if (r.ValueTextEquals("tags"u8)) n.Tags = ToValue(ref r) ? JsonValues.Strings(ref r) : null;
            else if (r.ValueTextEquals("locale"u8)) n.Locale = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("categories"u8)) n.Categories = ToValue(ref r) ? JsonValues.Strings(ref r) : null;
            else if (r.ValueTextEquals("topics"u8)) n.Topics = ToValue(ref r) ? JsonValues.Strings(ref r) : null;
            else if (r.ValueTextEquals("id"u8)) n.Id = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("url"u8)) n.Url = JsonValues.Value(ref r);
            else JsonValues.Skip(ref r);
        }

        return n;
    }

    /// <summary>Moves to the value; always true, so a member reads in one expression.</summary>
    private static bool ToValue(ref Utf8JsonReader r)
    {
        JsonValues.ToValue(ref r);
        return true;
    }

    private static void ReadProvider(ref Utf8JsonReader r, News n)
    {
        JsonValues.ToValue(ref r);
        (n.ProviderName, n.ProviderDomain) = (null, null);
        if (r.TokenType != JsonTokenType.StartObject)
        {
            r.Skip();
            return;
        }

        while (JsonValues.NextProperty(ref r))
        {
            if (r.ValueTextEquals("name"u8)) n.ProviderName = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("domain"u8)) n.ProviderDomain = JsonValues.Value(ref r);
            else JsonValues.Skip(ref r);
        }
    }

    private static List<(string?, string?, int?, int?)>? ReadImages(ref Utf8JsonReader r)
    {
        JsonValues.ToValue(ref r);
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return null;
        }

        var list = new List<(string?, string?, int?, int?)>();
        while (JsonValues.NextElement(ref r))
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
                continue;
            }

            string? url = null, title = null;
            int? width = null, height = null;
            while (JsonValues.NextProperty(ref r))
            {
                if (r.ValueTextEquals("url"u8)) url = JsonValues.Value(ref r);
                else if (r.ValueTextEquals("title"u8)) title = JsonValues.Value(ref r);
                else if (r.ValueTextEquals("width"u8)) width = ToValue(ref r) ? JsonValues.Int(ref r) : null;
                else if (r.ValueTextEquals("height"u8)) height = ToValue(ref r) ? JsonValues.Int(ref r) : null;
                else JsonValues.Skip(ref r);
            }

            list.Add((url, title, width, height));
        }

        return list;
    }

    /// <summary>The feed from the chosen news array (null entries: elements that were not objects) and the root's title.</summary>
    public static Feed Build(List<News?> list, string? title, ReadOnlySpan<byte> document, ReadContext ctx)
    {
        var items = new List<FeedItem>(list.Count);
        var index = 0;
        foreach (var n in list)
        {
            index++;
            if (n is null)
            {
                ctx.Warn("other", $"news {index} is not an object; skipped");
                continue;
            }

            items.Add(BuildNews(n, document, ctx));
        }

        return new Feed { Format = "newsjson", Title = HtmlText.ToPlain(title), Items = items };
    }

    private static FeedItem BuildNews(News n, ReadOnlySpan<byte> document, ReadContext ctx)
    {
        var link = UrlResolver.Resolve(ctx.DocumentBase, n.WebUrl ?? n.Url);
        var title = HtmlText.ToPlain(n.Title);
        var published = ctx.Date(n.PublishedDateTime, "publishedDateTime");
        var images = new List<FeedImage>();
        foreach (var (url, imageTitle, width, height) in n.Images ?? [])
        {
            if (UrlResolver.Resolve(link, url) is { } resolved) images.Add(new FeedImage(resolved, HtmlText.ToPlain(imageTitle), width, height));
        }

        var news = new NewsFacts
        {
            AmpWebUrl = UrlResolver.Resolve(link, n.AmpWebUrl),
            CdnAmpWebUrl = UrlResolver.Resolve(link, n.CdnAmpWebUrl),
            Type = n.Type?.ToLowerInvariant(),
            Heat = n.Heat,
            ProviderName = HtmlText.ToPlain(n.ProviderName),
            ProviderDomain = n.ProviderDomain,
            Locale = n.Locale,
            Images = images,
            Topics = n.Topics ?? [],
            Tags = n.Tags ?? [],
        };
        return new FeedItem
        {
            Id = n.Id ?? link ?? ReadContext.HashId(title, published, JsonValues.Plain(n.Excerpt, document)),
            Guid = n.Id,
            Title = title,
            Link = link,
            Description = JsonValues.Sanitize(n.Excerpt, document, link),
            Published = published,
            Updated = ctx.Date(n.UpdatedDateTime, "updatedDateTime"),
            Categories = n.Categories ?? [],
            Image = images.Count > 0 ? images[0] : null,
            News = news,
        };
    }
}

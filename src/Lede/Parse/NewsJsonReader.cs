using System.Text.Json;
using Lede.Text;

namespace Lede.Parse;

/// <summary>Reads the news-JSON model: an array of news objects, or <c>{"news": [...]}</c>.</summary>
internal static class NewsJsonReader
{
    public static bool Accepts(JsonElement root)
        => root.ValueKind == JsonValueKind.Array || JsonValues.Prop(root, "news", JsonValueKind.Array) is not null
           || JsonValues.Prop(root, "value", JsonValueKind.Array) is not null;

    public static Feed Read(JsonElement root, ReadContext ctx)
    {
        var list = root.ValueKind == JsonValueKind.Array ? root
            : JsonValues.Prop(root, "news", JsonValueKind.Array) ?? JsonValues.Prop(root, "value", JsonValueKind.Array)!.Value;
        var items = new List<FeedItem>();
        var index = 0;
        foreach (var n in list.EnumerateArray())
        {
            index++;
            if (n.ValueKind != JsonValueKind.Object)
            {
                ctx.Warn("other", $"news {index} is not an object; skipped");
                continue;
            }

            items.Add(ReadNews(n, ctx));
        }

        return new Feed { Format = "newsjson", Title = root.ValueKind == JsonValueKind.Object ? HtmlText.ToPlain(JsonValues.Str(root, "title")) : null, Items = items };
    }

    private static FeedItem ReadNews(JsonElement n, ReadContext ctx)
    {
        var link = UrlResolver.Resolve(ctx.DocumentBase, JsonValues.Str(n, "webUrl") ?? JsonValues.Str(n, "url"));
        var title = HtmlText.ToPlain(JsonValues.Str(n, "title"));
        var published = ctx.Date(JsonValues.Str(n, "publishedDateTime"), "publishedDateTime");
        var images = new List<FeedImage>();
        foreach (var i in JsonValues.Array(n, "images"))
        {
            if (UrlResolver.Resolve(link, JsonValues.Str(i, "url")) is { } url)
            {
                images.Add(new FeedImage(url, HtmlText.ToPlain(JsonValues.Str(i, "title")), JsonValues.Int(i, "width"), JsonValues.Int(i, "height")));
            }
        }

        var provider = JsonValues.Prop(n, "provider", JsonValueKind.Object);
        var categories = JsonValues.Strings(n, "categories");
        var news = new NewsFacts
        {
            AmpWebUrl = UrlResolver.Resolve(link, JsonValues.Str(n, "ampWebUrl")),
            CdnAmpWebUrl = UrlResolver.Resolve(link, JsonValues.Str(n, "cdnAmpWebUrl")),
            Type = JsonValues.Str(n, "type")?.ToLowerInvariant(),
            Heat = JsonValues.Int(n, "heat"),
            ProviderName = provider is { } p ? HtmlText.ToPlain(JsonValues.Str(p, "name")) : null,
            ProviderDomain = provider is { } d ? JsonValues.Str(d, "domain") : null,
            Locale = JsonValues.Str(n, "locale"),
            Images = images,
            Topics = JsonValues.Strings(n, "topics"),
            Tags = JsonValues.Strings(n, "tags"),
        };
        return new FeedItem
        {
            Id = JsonValues.Str(n, "id") ?? link ?? ReadContext.HashId(title, published, JsonValues.Str(n, "excerpt")),
            Guid = JsonValues.Str(n, "id"),
            Title = title,
            Link = link,
            Description = JsonValues.Html(n, "excerpt", link),
            Published = published,
            Updated = ctx.Date(JsonValues.Str(n, "updatedDateTime"), "updatedDateTime"),
            Categories = categories,
            Image = images.Count > 0 ? images[0] : null,
            News = news,
        };
    }
}

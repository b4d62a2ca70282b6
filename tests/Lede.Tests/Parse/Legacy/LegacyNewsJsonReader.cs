using System.Text.Json;
using Lede.Parse;
using Lede.Text;

namespace Lede.Tests.Parse.Legacy;

/// <summary>The DOM-based reader before the forward-only rewrite, kept as the oracle the new one is compared with. Reads the news-JSON model: an array of news objects, or <c>{"news": [...]}</c>.</summary>
internal static class LegacyNewsJsonReader
{
    public static bool Accepts(JsonElement root)
        => root.ValueKind == JsonValueKind.Array || LegacyJsonValues.Prop(root, "news", JsonValueKind.Array) is not null
           || LegacyJsonValues.Prop(root, "value", JsonValueKind.Array) is not null;

    public static Feed Read(JsonElement root, ReadContext ctx)
    {
        var list = root.ValueKind == JsonValueKind.Array ? root
            : LegacyJsonValues.Prop(root, "news", JsonValueKind.Array) ?? LegacyJsonValues.Prop(root, "value", JsonValueKind.Array)!.Value;
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

        return new Feed { Format = "newsjson", Title = root.ValueKind == JsonValueKind.Object ? HtmlText.ToPlain(LegacyJsonValues.Str(root, "title")) : null, Items = items };
    }

    private static FeedItem ReadNews(JsonElement n, ReadContext ctx)
    {
        var link = UrlResolver.Resolve(ctx.DocumentBase, LegacyJsonValues.Str(n, "webUrl") ?? LegacyJsonValues.Str(n, "url"));
        var title = HtmlText.ToPlain(LegacyJsonValues.Str(n, "title"));
        var published = ctx.Date(LegacyJsonValues.Str(n, "publishedDateTime"), "publishedDateTime");
        var images = new List<FeedImage>();
        foreach (var i in LegacyJsonValues.Array(n, "images"))
        {
            if (UrlResolver.Resolve(link, LegacyJsonValues.Str(i, "url")) is { } url)
            {
                images.Add(new FeedImage(url, HtmlText.ToPlain(LegacyJsonValues.Str(i, "title")), LegacyJsonValues.Int(i, "width"), LegacyJsonValues.Int(i, "height")));
            }
        }

        var provider = LegacyJsonValues.Prop(n, "provider", JsonValueKind.Object);
        var categories = LegacyJsonValues.Strings(n, "categories");
        var news = new NewsFacts
        {
            AmpWebUrl = UrlResolver.Resolve(link, LegacyJsonValues.Str(n, "ampWebUrl")),
            CdnAmpWebUrl = UrlResolver.Resolve(link, LegacyJsonValues.Str(n, "cdnAmpWebUrl")),
            Type = LegacyJsonValues.Str(n, "type")?.ToLowerInvariant(),
            Heat = LegacyJsonValues.Int(n, "heat"),
            ProviderName = provider is { } p ? HtmlText.ToPlain(LegacyJsonValues.Str(p, "name")) : null,
            ProviderDomain = provider is { } d ? LegacyJsonValues.Str(d, "domain") : null,
            Locale = LegacyJsonValues.Str(n, "locale"),
            Images = images,
            Topics = LegacyJsonValues.Strings(n, "topics"),
            Tags = LegacyJsonValues.Strings(n, "tags"),
        };
        return new FeedItem
        {
            Id = LegacyJsonValues.Str(n, "id") ?? link ?? ReadContext.HashId(title, published, LegacyJsonValues.Str(n, "excerpt")),
            Guid = LegacyJsonValues.Str(n, "id"),
            Title = title,
            Link = link,
            Description = LegacyJsonValues.Html(n, "excerpt", link),
            Published = published,
            Updated = ctx.Date(LegacyJsonValues.Str(n, "updatedDateTime"), "updatedDateTime"),
            Categories = categories,
            Image = images.Count > 0 ? images[0] : null,
            News = news,
        };
    }
}

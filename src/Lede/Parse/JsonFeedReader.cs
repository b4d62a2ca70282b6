using System.Text.Json;
using Lede.Text;

namespace Lede.Parse;

/// <summary>Reads JSON Feed 1.0 and 1.1.</summary>
internal static class JsonFeedReader
{
    public static bool Accepts(JsonElement root)
        => root.ValueKind == JsonValueKind.Object
           && ((JsonValues.Str(root, "version")?.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) ?? false)
               || root.TryGetProperty("items", out _));

    public static Feed Read(JsonElement root, ReadContext ctx)
    {
        var version = JsonValues.Str(root, "version") is { } v && v.TrimEnd('/').EndsWith("1.1", StringComparison.Ordinal) ? "1.1" : "1.0";
        var feedUrl = JsonValues.Str(root, "feed_url");
        var baseUrl = JsonValues.Str(root, "home_page_url") ?? feedUrl ?? ctx.DocumentBase;
        if (root.TryGetProperty("items", out var itemsProp) && itemsProp.ValueKind != JsonValueKind.Array)
        {
            ctx.Warn("other", "\"items\" is not an array; no items read");
        }

        var items = new List<FeedItem>();
        var index = 0;
        foreach (var item in JsonValues.Array(root, "items"))
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                ctx.Warn("other", $"item {index} is not an object; skipped");
                continue;
            }

            items.Add(ReadItem(item, baseUrl, ctx));
        }

        var icon = JsonValues.Str(root, "icon") ?? JsonValues.Str(root, "favicon");
        return new Feed
        {
            Format = "json",
            Version = version,
            Title = HtmlText.ToPlain(JsonValues.Str(root, "title")),
            Description = ReadContext.TextAsHtml(JsonValues.Str(root, "description")),
            Link = UrlResolver.Resolve(ctx.DocumentBase, JsonValues.Str(root, "home_page_url")),
            FeedLink = UrlResolver.Resolve(ctx.DocumentBase, feedUrl),
            Language = JsonValues.Str(root, "language"),
            Image = UrlResolver.Resolve(baseUrl, icon) is { } i ? new FeedImage(i) : null,
            Authors = Authors(root),
            Items = items,
        };
    }

    private static FeedItem ReadItem(JsonElement item, string? baseUrl, ReadContext ctx)
    {
        var link = UrlResolver.Resolve(baseUrl, JsonValues.Str(item, "url") ?? JsonValues.Str(item, "external_url"));
        var title = HtmlText.ToPlain(JsonValues.Str(item, "title"));
        var published = ctx.Date(JsonValues.Str(item, "date_published"), "date_published");
        var html = JsonValues.Html(item, "content_html", link ?? baseUrl);
        var text = ReadContext.TextAsHtml(JsonValues.Str(item, "content_text"));
        var summary = ReadContext.TextAsHtml(JsonValues.Str(item, "summary"));
        var enclosures = new List<FeedEnclosure>();
        foreach (var a in JsonValues.Array(item, "attachments"))
        {
            if (UrlResolver.Resolve(baseUrl, JsonValues.Str(a, "url")) is { } url)
            {
                enclosures.Add(new FeedEnclosure(url, JsonValues.Str(a, "mime_type"), JsonValues.Long(a, "size_in_bytes")));
            }
        }

        var image = UrlResolver.Resolve(baseUrl, JsonValues.Str(item, "image") ?? JsonValues.Str(item, "banner_image"));
        return new FeedItem
        {
            Id = JsonValues.Str(item, "id") ?? link ?? ReadContext.HashId(title, published, html ?? text),
            Guid = JsonValues.Str(item, "id"),
            Title = title,
            Link = link,
            Description = summary,
            Content = html ?? text,
            Published = published,
            Updated = ctx.Date(JsonValues.Str(item, "date_modified"), "date_modified"),
            Authors = Authors(item),
            Categories = JsonValues.Strings(item, "tags"),
            Enclosures = enclosures,
            Image = image is null ? null : new FeedImage(image),
        };
    }

    /// <summary>JSON Feed 1.1 "authors", else 1.0 "author".</summary>
    private static List<FeedPerson> Authors(JsonElement e)
    {
        var list = new List<FeedPerson>();
        var any = false;
        foreach (var a in JsonValues.Array(e, "authors"))
        {
            any = true;
            if (JsonValues.Str(a, "name") is { } name) list.Add(new FeedPerson(name, null));
        }

        if (!any && JsonValues.Prop(e, "author", JsonValueKind.Object) is { } one && JsonValues.Str(one, "name") is { } single)
        {
            list.Add(new FeedPerson(single, null));
        }

        return list;
    }
}

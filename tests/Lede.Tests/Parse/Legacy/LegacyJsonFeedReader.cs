using System.Text.Json;
using Lede.Parse;
using Lede.Text;

namespace Lede.Tests.Parse.Legacy;

/// <summary>The DOM-based reader before the forward-only rewrite, kept as the oracle the new one is compared with. Reads JSON Feed 1.0 and 1.1.</summary>
internal static class LegacyJsonFeedReader
{
    public static bool Accepts(JsonElement root)
        => root.ValueKind == JsonValueKind.Object
           && ((LegacyJsonValues.Str(root, "version")?.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) ?? false)
               || root.TryGetProperty("items", out _));

    public static Feed Read(JsonElement root, ReadContext ctx)
    {
        var version = LegacyJsonValues.Str(root, "version") is { } v && v.TrimEnd('/').EndsWith("1.1", StringComparison.Ordinal) ? "1.1" : "1.0";
        var feedUrl = LegacyJsonValues.Str(root, "feed_url");
        var baseUrl = LegacyJsonValues.Str(root, "home_page_url") ?? feedUrl ?? ctx.DocumentBase;
        if (root.TryGetProperty("items", out var itemsProp) && itemsProp.ValueKind != JsonValueKind.Array)
        {
            ctx.Warn("other", "\"items\" is not an array; no items read");
        }

        var items = new List<FeedItem>();
        var index = 0;
        foreach (var item in LegacyJsonValues.Array(root, "items"))
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                ctx.Warn("other", $"item {index} is not an object; skipped");
                continue;
            }

            items.Add(ReadItem(item, baseUrl, ctx));
        }

        var icon = LegacyJsonValues.Str(root, "icon") ?? LegacyJsonValues.Str(root, "favicon");
        return new Feed
        {
            Format = "json",
            Version = version,
            Title = HtmlText.ToPlain(LegacyJsonValues.Str(root, "title")),
            Description = ReadContext.TextAsHtml(LegacyJsonValues.Str(root, "description")),
            Link = UrlResolver.Resolve(ctx.DocumentBase, LegacyJsonValues.Str(root, "home_page_url")),
            FeedLink = UrlResolver.Resolve(ctx.DocumentBase, feedUrl),
            Language = LegacyJsonValues.Str(root, "language"),
            Image = UrlResolver.Resolve(baseUrl, icon) is { } i ? new FeedImage(i) : null,
            Authors = Authors(root),
            Items = items,
        };
    }

    private static FeedItem ReadItem(JsonElement item, string? baseUrl, ReadContext ctx)
    {
        var link = UrlResolver.Resolve(baseUrl, LegacyJsonValues.Str(item, "url") ?? LegacyJsonValues.Str(item, "external_url"));
        var title = HtmlText.ToPlain(LegacyJsonValues.Str(item, "title"));
        var published = ctx.Date(LegacyJsonValues.Str(item, "date_published"), "date_published");
        var html = LegacyJsonValues.Html(item, "content_html", link ?? baseUrl);
        var text = ReadContext.TextAsHtml(LegacyJsonValues.Str(item, "content_text"));
        var summary = ReadContext.TextAsHtml(LegacyJsonValues.Str(item, "summary"));
        var enclosures = new List<FeedEnclosure>();
        foreach (var a in LegacyJsonValues.Array(item, "attachments"))
        {
            if (UrlResolver.Resolve(baseUrl, LegacyJsonValues.Str(a, "url")) is { } url)
            {
                enclosures.Add(new FeedEnclosure(url, LegacyJsonValues.Str(a, "mime_type"), LegacyJsonValues.Long(a, "size_in_bytes")));
            }
        }

        var image = UrlResolver.Resolve(baseUrl, LegacyJsonValues.Str(item, "image") ?? LegacyJsonValues.Str(item, "banner_image"));
        return new FeedItem
        {
            Id = LegacyJsonValues.Str(item, "id") ?? link ?? ReadContext.HashId(title, published, html ?? text),
            Guid = LegacyJsonValues.Str(item, "id"),
            Title = title,
            Link = link,
            Description = summary,
            Content = html ?? text,
            Published = published,
            Updated = ctx.Date(LegacyJsonValues.Str(item, "date_modified"), "date_modified"),
            Authors = Authors(item),
            Categories = LegacyJsonValues.Strings(item, "tags"),
            Enclosures = enclosures,
            Image = image is null ? null : new FeedImage(image),
        };
    }

    /// <summary>JSON Feed 1.1 "authors", else 1.0 "author".</summary>
    private static List<FeedPerson> Authors(JsonElement e)
    {
        var list = new List<FeedPerson>();
        var any = false;
        foreach (var a in LegacyJsonValues.Array(e, "authors"))
        {
            any = true;
            if (LegacyJsonValues.Str(a, "name") is { } name) list.Add(new FeedPerson(name, null));
        }

        if (!any && LegacyJsonValues.Prop(e, "author", JsonValueKind.Object) is { } one && LegacyJsonValues.Str(one, "name") is { } single)
        {
            list.Add(new FeedPerson(single, null));
        }

        return list;
    }
}

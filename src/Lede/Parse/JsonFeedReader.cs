using System.Text.Json;
using Lede.Text;

namespace Lede.Parse;

/// <summary>Reads JSON Feed 1.0 and 1.1 items from a forward-only reader, and builds the feed once the whole root is read.</summary>
/// <remarks>
/// An item is only collected while it is read (strings, and its HTML left in the document): its URLs resolve against the
/// feed's home_page_url, which may come after the items, so items are built when the root object ends.
/// </remarks>
internal static class JsonFeedReader
{
    /// <summary>The members of one item, as read; null members were absent or of a type that cannot be read.</summary>
    internal sealed class Item
    {
        public string? Id, Url, ExternalUrl, Title, DatePublished, DateModified, ContentText, Summary, Image, BannerImage;
        public JsonHtml? ContentHtml;
        public List<(string? Url, string? Type, long? Length)>? Attachments;
        public JsonPeople People;
        public List<string>? Tags;
    }

    /// <summary>Reads the item object the reader is on; the reader ends on its closing brace.</summary>
    public static Item ReadItem(ref Utf8JsonReader r)
    {
        var item = new Item();
        while (JsonValues.NextProperty(ref r))
        {
            if (r.ValueTextEquals("id"u8)) item.Id = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("url"u8)) item.Url = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("title"u8)) item.Title = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("content_html"u8)) item.ContentHtml = ReadHtml(ref r);
            else if (r.ValueTextEquals("date_published"u8)) item.DatePublished = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("date_modified"u8)) item.DateModified = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("summary"u8)) item.Summary = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("content_text"u8)) item.ContentText = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("tags"u8)) item.Tags = ReadStrings(ref r);
            else if (r.ValueTextEquals("external_url"u8)) item.ExternalUrl = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("image"u8)) item.Image = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("banner_image"u8)) item.BannerImage = JsonValues.Value(ref r);
            else if (r.ValueTextEquals("attachments"u8)) item.Attachments = ReadAttachments(ref r);
            else if (!item.People.TryRead(ref r)) JsonValues.Skip(ref r);
        }

        return item;
    }

    private static JsonHtml? ReadHtml(ref Utf8JsonReader r) => JsonValues.HtmlValue(ref r);

    private static List<string> ReadStrings(ref Utf8JsonReader r)
    {
        JsonValues.ToValue(ref r);
        return JsonValues.Strings(ref r);
    }

    private static List<(string?, string?, long?)>? ReadAttachments(ref Utf8JsonReader r)
    {
        JsonValues.ToValue(ref r);
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return null;
        }

        var list = new List<(string?, string?, long?)>();
        while (JsonValues.NextElement(ref r))
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
                continue;
            }

            string? url = null, type = null;
            long? length = null;
            while (JsonValues.NextProperty(ref r))
            {
                if (r.ValueTextEquals("url"u8)) url = JsonValues.Value(ref r);
                else if (r.ValueTextEquals("mime_type"u8)) type = JsonValues.Value(ref r);
                else if (r.ValueTextEquals("size_in_bytes"u8))
                {
                    JsonValues.ToValue(ref r);
                    length = JsonValues.Long(ref r);
                }
                else
                {
                    JsonValues.Skip(ref r);
                }
            }

            list.Add((url, type, length));
        }

        return list;
    }

    /// <summary>The feed from its root members and items (null entries: elements that were not objects).</summary>
    public static Feed Build(JsonRoot root, ReadOnlySpan<byte> document, ReadContext ctx)
    {
        var version = root.Version is { } v && v.TrimEnd('/').EndsWith("1.1", StringComparison.Ordinal) ? "1.1" : "1.0";
        var baseUrl = root.HomePageUrl ?? root.FeedUrl ?? ctx.DocumentBase;
        if (root.ItemsNotArray) ctx.Warn("other", "\"items\" is not an array; no items read");
        var items = new List<FeedItem>(root.Items?.Count ?? 0);
        var index = 0;
        foreach (var item in root.Items ?? [])
        {
            index++;
            if (item is null)
            {
                ctx.Warn("other", $"item {index} is not an object; skipped");
                continue;
            }

            items.Add(BuildItem(item, document, baseUrl, ctx));
        }

        var icon = root.Icon ?? root.Favicon;
        return new Feed
        {
            Format = "json",
            Version = version,
            Title = HtmlText.ToPlain(root.Title),
            Description = ReadContext.TextAsHtml(root.Description),
            Link = UrlResolver.Resolve(ctx.DocumentBase, root.HomePageUrl),
            FeedLink = UrlResolver.Resolve(ctx.DocumentBase, root.FeedUrl),
            Language = root.Language,
            Image = UrlResolver.Resolve(baseUrl, icon) is { } i ? new FeedImage(i) : null,
            Authors = root.People.ToList(),
            Items = items,
        };
    }

    private static FeedItem BuildItem(Item item, ReadOnlySpan<byte> document, string? baseUrl, ReadContext ctx)
    {
        var link = UrlResolver.Resolve(baseUrl, item.Url ?? item.ExternalUrl);
        var title = HtmlText.ToPlain(item.Title);
        var published = ctx.Date(item.DatePublished, "date_published");
        var html = JsonValues.Sanitize(item.ContentHtml, document, link ?? baseUrl);
        var text = ReadContext.TextAsHtml(item.ContentText);
        var summary = ReadContext.TextAsHtml(item.Summary);
        var enclosures = new List<FeedEnclosure>();
        foreach (var (url, type, length) in item.Attachments ?? [])
        {
            if (UrlResolver.Resolve(baseUrl, url) is { } resolved) enclosures.Add(new FeedEnclosure(resolved, type, length));
        }

        var image = UrlResolver.Resolve(baseUrl, item.Image ?? item.BannerImage);
        return new FeedItem
        {
            Id = item.Id ?? link ?? ReadContext.HashId(title, published, html ?? text),
            Guid = item.Id,
            Title = title,
            Link = link,
            Description = summary,
            Content = html ?? text,
            Published = published,
            Updated = ctx.Date(item.DateModified, "date_modified"),
            Authors = item.People.ToList(),
            Categories = item.Tags ?? [],
            Enclosures = enclosures,
            Image = image is null ? null : new FeedImage(image),
        };
    }
}

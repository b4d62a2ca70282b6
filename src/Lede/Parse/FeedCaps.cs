using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lede.Parse;

/// <summary>Applies <see cref="FeedLimits"/> to a parsed feed: fewer items, shorter fields, each cut named in a warning.</summary>
/// <remarks>A feed within every limit comes back as the same instance, and nothing is allocated for it.</remarks>
internal static class FeedCaps
{
    public static ParseResult Apply(ParseResult result, FeedLimits limits)
    {
        if (result.Feed is not { } feed) return result;
        List<ParseWarning>? warnings = null;
        void Warn(string message) => (warnings ??= [.. result.Warnings]).Add(new("limit", message));

        var items = feed.Items;
        if (items.Count > limits.MaxItems)
        {
            items = Newest(items, limits.MaxItems);
            Warn(Invariant($"{feed.Items.Count} items; kept the newest {limits.MaxItems} (undated items count as older)"));
        }

        List<FeedItem>? capped = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = Item(items[i], i + 1, limits, Warn);
            if (!ReferenceEquals(item, items[i]) && capped is null) capped = [.. items.Take(i)];
            capped?.Add(item);
        }

        var title = Text(feed.Title, limits.MaxTitleChars, "feed title", Warn);
        var description = Html(feed.Description, limits.MaxHtmlChars, "feed description", Warn);
        if (warnings is null) return result;
        var newFeed = feed with { Title = title, Description = description, Items = capped ?? items };
        return result with { Feed = newFeed, Warnings = warnings };
    }

    private static FeedItem Item(FeedItem item, int n, FeedLimits limits, Action<string> warn)
    {
        var id = Id(item.Id, limits.MaxIdChars, $"item {n} id", warn);
        var guid = item.Guid == item.Id ? id : Id(item.Guid, limits.MaxIdChars, $"item {n} guid", warn);
        var title = Text(item.Title, limits.MaxTitleChars, $"item {n} title", warn);
        var description = Html(item.Description, limits.MaxHtmlChars, $"item {n} description", warn);
        var content = Html(item.Content, limits.MaxHtmlChars, $"item {n} content", warn);
        var link = Url(item.Link, limits.MaxUrlChars, $"item {n} link", warn);
        var image = item.Image is { } img && Url(img.Url, limits.MaxUrlChars, $"item {n} image", warn) is null ? null : item.Image;
        var enclosures = item.Enclosures.Any(e => e.Url.Length > limits.MaxUrlChars)
            ? item.Enclosures.Where(e => Url(e.Url, limits.MaxUrlChars, $"item {n} enclosure", warn) is not null).ToList()
            : item.Enclosures;
        var categories = Names(item.Categories, limits, $"item {n} category", warn);
        var authors = Authors(item.Authors, limits, $"item {n} author", warn);
        if (ReferenceEquals(id, item.Id) && ReferenceEquals(guid, item.Guid) && ReferenceEquals(title, item.Title)
            && ReferenceEquals(description, item.Description) && ReferenceEquals(content, item.Content) && ReferenceEquals(link, item.Link)
            && ReferenceEquals(image, item.Image) && ReferenceEquals(enclosures, item.Enclosures)
            && ReferenceEquals(categories, item.Categories) && ReferenceEquals(authors, item.Authors))
        {
            return item;
        }

        return item with
        {
            Id = id!,
            Guid = guid,
            Title = title,
            Description = description,
            Content = content,
            Link = link,
            Image = image,
            Enclosures = enclosures,
            Categories = categories,
            Authors = authors,
        };
    }

    /// <summary>The <paramref name="max"/> newest items in document order; ties and undated items keep the earlier ones.</summary>
    private static List<FeedItem> Newest(IReadOnlyList<FeedItem> items, int max)
    {
        var keep = Enumerable.Range(0, items.Count)
            .OrderByDescending(i => (items[i].Published ?? items[i].Updated).HasValue)
            .ThenByDescending(i => items[i].Published ?? items[i].Updated)
            .ThenBy(i => i)
            .Take(max)
            .Order();
        return [.. keep.Select(i => items[i])];
    }

    private static IReadOnlyList<string> Names(IReadOnlyList<string> names, FeedLimits limits, string what, Action<string> warn)
    {
        if (names.Count <= limits.MaxListEntries && names.All(c => c.Length <= limits.MaxNameChars)) return names;
        if (names.Count > limits.MaxListEntries) warn(Invariant($"{names.Count} entries for {what}; kept the first {limits.MaxListEntries}"));
        return [.. names.Take(limits.MaxListEntries).Select(c => Text(c, limits.MaxNameChars, what, warn)!)];
    }

    private static IReadOnlyList<FeedPerson> Authors(IReadOnlyList<FeedPerson> people, FeedLimits limits, string what, Action<string> warn)
    {
        static int Longest(FeedPerson p) => Math.Max(Math.Max(p.Name?.Length ?? 0, p.Email?.Length ?? 0), p.Uri?.Length ?? 0);
        if (people.Count <= limits.MaxListEntries && people.All(p => Longest(p) <= limits.MaxNameChars)) return people;
        if (people.Count > limits.MaxListEntries) warn(Invariant($"{people.Count} entries for {what}; kept the first {limits.MaxListEntries}"));
        return [.. people.Take(limits.MaxListEntries).Select(p => new FeedPerson(
            Text(p.Name, limits.MaxNameChars, what + " name", warn),
            Text(p.Email, limits.MaxNameChars, what + " email", warn),
            Url(p.Uri, limits.MaxUrlChars, what + " uri", warn)))];
    }

    private static string? Id(string? id, int max, string what, Action<string> warn)
    {
        if (id is null || id.Length <= max) return id;
        warn(Invariant($"{what} of {id.Length} characters is over {max}; replaced by its SHA-256"));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }

    private static string? Url(string? url, int max, string what, Action<string> warn)
    {
        if (url is null || url.Length <= max) return url;
        warn(Invariant($"{what} URL of {url.Length} characters is over {max}; dropped"));
        return null;
    }

    /// <summary>Plain text cut to <paramref name="max"/> characters, the last of them "…".</summary>
    private static string? Text(string? text, int max, string what, Action<string> warn)
    {
        if (text is null || text.Length <= max) return text;
        warn(Invariant($"{what} of {text.Length} characters cut to {max}"));
        return string.Concat(text.AsSpan(0, Boundary(text, max - 1)), "…");
    }

    /// <summary>HTML cut to <paramref name="max"/> characters, outside any tag or entity, the last of them "…".</summary>
    private static string? Html(string? html, int max, string what, Action<string> warn)
    {
        if (html is null || html.Length <= max) return html;
        warn(Invariant($"{what} of {html.Length} characters cut to {max}"));
        var end = Boundary(html, max - 1);
        var head = html.AsSpan(0, end);
        // A cut inside "<a href=…" or "&amp" would leave a broken tag or a wrong character: cut before it instead.
        var lt = head.LastIndexOf('<');
        if (lt > head.LastIndexOf('>')) end = lt;
        var amp = head[..end].LastIndexOf('&');
        if (amp >= 0 && end - amp <= 32 && head[amp..end].IndexOfAny(';', ' ', '<') < 0) end = amp;
        return string.Concat(html.AsSpan(0, end), "…");
    }

    /// <summary>A cut at <paramref name="end"/>, or one before it when that would split a surrogate pair.</summary>
    private static int Boundary(string text, int end) => end > 0 && char.IsHighSurrogate(text[end - 1]) ? end - 1 : end;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lede.Parse;

/// <summary>Applies <see cref="FeedLimits"/> to a parsed feed: fewer items, shorter fields, each cut named in a warning.</summary>
/// <remarks>
/// A feed within every limit comes back as the same instance. The checks are length comparisons only: no string, list or
/// closure is made for a field within its limit, so the parser's allocation per byte stays what it was.
/// </remarks>
internal static class FeedCaps
{
    public static ParseResult Apply(ParseResult result, FeedLimits limits)
    {
        if (result.Feed is not { } feed) return result;
        var cuts = new Cuts(result.Warnings, limits);
        var items = feed.Items;
        if (items.Count > limits.MaxItems)
        {
            items = Newest(items, limits.MaxItems);
            cuts.Warn(Invariant($"{feed.Items.Count} items; kept the newest {limits.MaxItems} (undated items count as older)"));
        }

        List<FeedItem>? capped = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = cuts.Item(items[i], i + 1);
            if (!ReferenceEquals(item, items[i]) && capped is null) capped = [.. items.Take(i)];
            capped?.Add(item);
        }

        var title = cuts.Text(feed.Title, limits.MaxTitleChars, 0, "title");
        var description = cuts.Html(feed.Description, limits.MaxHtmlChars, 0, "description");
        if (cuts.Warnings is null) return result;
        var newFeed = feed with { Title = title, Description = description, Items = capped ?? items };
        return result with { Feed = newFeed, Warnings = cuts.Warnings };
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

    /// <summary>The cuts of one feed and their warnings (made only when there is a first cut).</summary>
    private sealed class Cuts(IReadOnlyList<ParseWarning> earlier, FeedLimits limits)
    {
        public List<ParseWarning>? Warnings { get; private set; }

        public void Warn(string message) => (Warnings ??= [.. earlier]).Add(new("limit", message));

        public FeedItem Item(FeedItem item, int n)
        {
            var id = Id(item.Id, n, "id");
            var guid = item.Guid == item.Id ? id : Id(item.Guid, n, "guid");
            var title = Text(item.Title, limits.MaxTitleChars, n, "title");
            var description = Html(item.Description, limits.MaxHtmlChars, n, "description");
            var content = Html(item.Content, limits.MaxHtmlChars, n, "content");
            var link = Url(item.Link, n, "link");
            var image = item.Image is { } img && Url(img.Url, n, "image") is null ? null : item.Image;
            var enclosures = Enclosures(item.Enclosures, n);
            var categories = Names(item.Categories, n);
            var authors = Authors(item.Authors, n);
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

        private IReadOnlyList<FeedEnclosure> Enclosures(IReadOnlyList<FeedEnclosure> enclosures, int n)
        {
            // Indexed loops: a foreach over the interface would box the list's enumerator for every item.
            for (var i = 0; i < enclosures.Count; i++)
            {
                if (enclosures[i].Url.Length > limits.MaxUrlChars) return CutEnclosures(enclosures, n);
            }

            return enclosures;
        }

        // Apart from the checks above: a lambda capturing n would allocate its closure on every call, cut or not.
        private List<FeedEnclosure> CutEnclosures(IReadOnlyList<FeedEnclosure> enclosures, int n)
            => [.. enclosures.Where(x => Url(x.Url, n, "enclosure") is not null)];

        private IReadOnlyList<string> Names(IReadOnlyList<string> names, int n)
        {
            var within = names.Count <= limits.MaxListEntries;
            for (var i = 0; i < names.Count; i++) within &= names[i].Length <= limits.MaxNameChars;
            return within ? names : CutNames(names, n);
        }

        private List<string> CutNames(IReadOnlyList<string> names, int n)
        {
            if (names.Count > limits.MaxListEntries) Warn(Invariant($"item {n}: {names.Count} categories; kept the first {limits.MaxListEntries}"));
            return [.. names.Take(limits.MaxListEntries).Select(c => Text(c, limits.MaxNameChars, n, "category")!)];
        }

        private IReadOnlyList<FeedPerson> Authors(IReadOnlyList<FeedPerson> people, int n)
        {
            var within = people.Count <= limits.MaxListEntries;
            for (var i = 0; i < people.Count; i++)
            {
                var p = people[i];
                within &= (p.Name?.Length ?? 0) <= limits.MaxNameChars && (p.Email?.Length ?? 0) <= limits.MaxNameChars
                          && (p.Uri?.Length ?? 0) <= limits.MaxUrlChars;
            }

            return within ? people : CutAuthors(people, n);
        }

        private List<FeedPerson> CutAuthors(IReadOnlyList<FeedPerson> people, int n)
        {
            if (people.Count > limits.MaxListEntries) Warn(Invariant($"item {n}: {people.Count} authors; kept the first {limits.MaxListEntries}"));
            return [.. people.Take(limits.MaxListEntries).Select(p => new FeedPerson(
                Text(p.Name, limits.MaxNameChars, n, "author name"), Text(p.Email, limits.MaxNameChars, n, "author email"), Url(p.Uri, n, "author uri")))];
        }

        private string? Id(string? id, int n, string field)
        {
            if (id is null || id.Length <= limits.MaxIdChars) return id;
            Warn(Invariant($"{Where(n, field)} of {id.Length} characters is over {limits.MaxIdChars}; replaced by its SHA-256"));
            return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        }

        private string? Url(string? url, int n, string field)
        {
            if (url is null || url.Length <= limits.MaxUrlChars) return url;
            Warn(Invariant($"{Where(n, field)} URL of {url.Length} characters is over {limits.MaxUrlChars}; dropped"));
            return null;
        }

        /// <summary>Plain text cut to <paramref name="max"/> characters, the last of them "…".</summary>
        public string? Text(string? text, int max, int n, string field)
        {
            if (text is null || text.Length <= max) return text;
            Warn(Invariant($"{Where(n, field)} of {text.Length} characters cut to {max}"));
            return string.Concat(text.AsSpan(0, Boundary(text, max - 1)), "…");
        }

        /// <summary>HTML cut to <paramref name="max"/> characters, outside any tag or entity, the last of them "…".</summary>
        public string? Html(string? html, int max, int n, string field)
        {
            if (html is null || html.Length <= max) return html;
            Warn(Invariant($"{Where(n, field)} of {html.Length} characters cut to {max}"));
            var end = Boundary(html, max - 1);
            var head = html.AsSpan(0, end);
            // A cut inside "<a href=…" or "&amp" would leave a broken tag or a wrong character: cut before it instead.
            var lt = head.LastIndexOf('<');
            if (lt > head.LastIndexOf('>')) end = lt;
            var amp = head[..end].LastIndexOf('&');
            if (amp >= 0 && end - amp <= 32 && head[amp..end].IndexOfAny(';', ' ', '<') < 0) end = amp;
            return string.Concat(html.AsSpan(0, end), "…");
        }

        /// <summary>"item 3 title", or "feed title" for the feed's own fields (<paramref name="n"/> 0).</summary>
        private static string Where(int n, string field) => n == 0 ? $"feed {field}" : Invariant($"item {n} {field}");
    }

    /// <summary>A cut at <paramref name="end"/>, or one before it when that would split a surrogate pair.</summary>
    private static int Boundary(string text, int end) => end > 0 && char.IsHighSurrogate(text[end - 1]) ? end - 1 : end;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

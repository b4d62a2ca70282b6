using AngleSharp.Dom;
using Lede.Parse;

namespace Lede.Enrich;

public static partial class PageFactsReader
{
    private static readonly string[] PublishedKeys =
    [
        "article:published_time", "og:published_time", "datepublished", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate",
        "publish-date", "publish_date", "article.published", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
    ];

    private static readonly string[] ModifiedKeys =
    [
        "article:modified_time", "og:updated_time", "datemodified", "article.updated", "dcterms.modified", "dc.date.modified", "last-modified", "lastmod",
    ];

    private static (DateTime? Published, DateTime? Modified) ReadDates(IDocument document, MetaTags meta, JsonLdFacts jsonLd, List<string> warnings)
    {
        var published = FirstDate([("json-ld datePublished", jsonLd.Published), .. PublishedKeys.Select(k => (k, meta.First(k))), ("<time>", TimeElement(document))], warnings);
        var modified = FirstDate([("json-ld dateModified", jsonLd.Modified), .. ModifiedKeys.Select(k => (k, meta.First(k)))], warnings);
        if (published is not null && modified < published)
        {
            warnings.Add($"date: modified {modified:O} is before published {published:O}; modified ignored");
            modified = null;
        }

        return (published, modified);
    }

    private static DateTime? FirstDate(IEnumerable<(string Source, string? Text)> candidates, List<string> warnings)
    {
        foreach (var (source, text) in candidates)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var date = DateParser.Parse(text);
            if (date is { } d && d >= Earliest && d < Latest) return DateTime.SpecifyKind(d, DateTimeKind.Utc);
            warnings.Add($"date: {source} '{(text.Length > 60 ? text[..57] + "..." : text)}' is not a usable date; ignored");
        }

        return null;
    }

    /// <summary><c>time[itemprop=datePublished]</c> anywhere, else the first <c>time datetime</c> of the article outside its navigation and sidebars.</summary>
    private static string? TimeElement(IDocument document)
    {
        if (document.QuerySelector("time[itemprop~=datePublished i][datetime]")?.GetAttribute("datetime") is { } marked) return marked;
        var root = document.QuerySelector("article") ?? document.QuerySelector("main");
        if (root is null) return null;
        foreach (var time in root.QuerySelectorAll("time[datetime]"))
        {
            var inChrome = false;
            for (var e = time.ParentElement; e is not null && e != root && !inChrome; e = e.ParentElement)
            {
                inChrome = e.LocalName is "aside" or "nav" or "footer";
            }

            if (!inChrome) return time.GetAttribute("datetime");
        }

        return null;
    }
}

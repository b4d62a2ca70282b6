using AngleSharp.Dom;

namespace Lede.Enrich;

/// <summary>Reads <see cref="PageFacts"/> from a parsed article page: link tags, meta tags, JSON-LD and the article markup.</summary>
/// <remarks>Never throws on page content: whatever is missing or broken stays null and is named in the warnings.</remarks>
public static partial class PageFactsReader
{
    private static readonly DateTime Earliest = new(1970, 1, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Reads the facts of one page; <paramref name="pageUrl"/> is where it was fetched from (relative URLs resolve against it).</summary>
    public static PageFacts Read(IDocument document, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var warnings = new List<string>();
        var meta = new MetaTags(document);
        var jsonLd = JsonLdReader.Read(document, warnings);
        // Some pages put their address in og:site_name: a URL is not a name.
        var siteName = FirstText([.. new[] { meta.First("og:site_name"), jsonLd.PublisherName, jsonLd.WebSiteName, meta.First("application-name"), meta.First("apple-mobile-web-app-title") }
            .Where(n => n is null || !n.Contains("://", StringComparison.Ordinal))]);
        var (published, modified) = ReadDates(document, meta, jsonLd, warnings);
        return new PageFacts
        {
            PageUrl = pageUrl,
            CanonicalUrl = ReadCanonical(document, meta, pageUrl, warnings),
            AmpUrl = LinkUrl(document, "amphtml", pageUrl, warnings),
            Title = ReadTitle(document, meta, jsonLd, siteName, pageUrl),
            Description = FirstText(meta.First("og:description"), meta.First("twitter:description"), meta.First("description"), jsonLd.Description, meta.First("dc.description", "dcterms.description")),
            PublishedUtc = published,
            ModifiedUtc = modified,
            Authors = ReadAuthors(document, meta, jsonLd),
            SiteName = siteName,
            Language = ReadLanguage(document, meta, jsonLd),
            Type = ReadType(meta, jsonLd, pageUrl),
            Images = ImageCandidates.Collect(document, meta, jsonLd, pageUrl, warnings),
            Warnings = warnings,
        };
    }

    private static Uri? ReadCanonical(IDocument document, MetaTags meta, Uri pageUrl, List<string> warnings)
        => LinkUrl(document, "canonical", pageUrl, warnings) ?? Absolute(meta.First("og:url"), pageUrl, "og:url", warnings);

    private static Uri? LinkUrl(IDocument document, string rel, Uri pageUrl, List<string> warnings)
    {
        foreach (var link in document.GetElementsByTagName("link"))
        {
            var rels = (link.GetAttribute("rel") ?? "").Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (!rels.Contains(rel, StringComparer.OrdinalIgnoreCase)) continue;
            if (Absolute(link.GetAttribute("href"), pageUrl, $"link rel={rel}", warnings) is { } url) return url;
        }

        return null;
    }

    /// <summary>An http(s) URL resolved against the page; anything else is a warning and null.</summary>
    internal static Uri? Absolute(string? href, Uri pageUrl, string what, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        var text = href.Trim();
        if (text.Length > 4000 || !Uri.TryCreate(pageUrl, text, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
        {
            warnings.Add($"url: {what} '{(text.Length > 120 ? text[..117] + "..." : text)}' is not an http(s) URL; ignored");
            return null;
        }

        return url;
    }

    private static string? ReadTitle(IDocument document, MetaTags meta, JsonLdFacts jsonLd, string? siteName, Uri pageUrl)
    {
        var h1 = (document.QuerySelector("article h1") ?? document.QuerySelector("main h1") ?? document.QuerySelector("h1"))?.TextContent;
        var candidates = new[] { meta.First("og:title"), meta.First("twitter:title"), jsonLd.Headline, h1, document.Title, meta.First("dc.title", "title") }
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => TitleCleaner.Clean(c!, siteName, pageUrl))
            .Where(c => c.Length > 0)
            .ToList();
        // A title that is only the site's name (a home-page og:title) says nothing about the article.
        return candidates.FirstOrDefault(c => !TitleCleaner.NamesSite(c, siteName, pageUrl) || c.Length > 80) ?? candidates.FirstOrDefault();
    }

    private static string? FirstText(params ReadOnlySpan<string?> values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value)) return TitleCleaner.Collapse(value);
        }

        return null;
    }
}

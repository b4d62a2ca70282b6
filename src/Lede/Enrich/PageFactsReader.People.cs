using AngleSharp.Dom;

namespace Lede.Enrich;

public static partial class PageFactsReader
{
    private const int MaxAuthors = 20;

    /// <summary>JSON-LD authors, else meta authors, else <c>rel=author</c> links: the first source that names anyone.</summary>
    private static List<string> ReadAuthors(IDocument document, MetaTags meta, JsonLdFacts jsonLd)
    {
        var fromMeta = new[] { "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator" }.SelectMany(meta.All);
        var fromLinks = document.QuerySelectorAll("a[rel~=author i]").Select(a => a.TextContent);
        foreach (var source in new[] { jsonLd.Authors, fromMeta, fromLinks })
        {
            var names = source.Select(CleanAuthor).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxAuthors).ToList();
            if (names.Count > 0) return names;
        }

        return [];
    }

    private static string? CleanAuthor(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var name = TitleCleaner.Collapse(raw);
        if (name.StartsWith("by ", StringComparison.OrdinalIgnoreCase)) name = name[3..].Trim();
        // article:author is often a profile URL: a URL names no one.
        if (name.Contains("://", StringComparison.Ordinal) || name.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || name.StartsWith('/')) return null;
        return name.Length is < 2 or > 100 || !name.Any(char.IsLetter) ? null : name;
    }

    private static string? ReadLanguage(IDocument document, MetaTags meta, JsonLdFacts jsonLd)
    {
        foreach (var raw in (ReadOnlySpan<string?>)[document.DocumentElement?.GetAttribute("lang"), document.DocumentElement?.GetAttribute("xml:lang"), meta.First("og:locale"), meta.First("content-language", "language", "dc.language"), jsonLd.Language])
        {
            if (LanguageTag(raw) is { } tag) return tag;
        }

        return null;
    }

    /// <summary>"en_US" → "en-US", "EN" → "en"; null when it is not shaped like a BCP 47 tag.</summary>
    internal static string? LanguageTag(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var first = raw.Split(',', ';')[0].Trim().Replace('_', '-');
        var parts = first.Split('-');
        if (parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter) || parts.Skip(1).Any(p => p.Length is < 1 or > 8 || !p.All(char.IsAsciiLetterOrDigit))) return null;
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
        {
            parts[i] = parts[i].Length == 2 ? parts[i].ToUpperInvariant() : parts[i].Length == 4 ? char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant() : parts[i];
        }

        return parts[0] == "und" ? null : string.Join('-', parts);
    }

    /// <summary>og:type video.*, then a JSON-LD VideoObject as main entity, then an explicit article type, then /video/ in the URL.</summary>
    private static string ReadType(MetaTags meta, JsonLdFacts jsonLd, Uri pageUrl)
    {
        var ogType = meta.First("og:type")?.ToLowerInvariant();
        if (ogType is not null && ogType.StartsWith("video", StringComparison.Ordinal)) return PageTypes.Video;
        if (jsonLd.IsVideo) return PageTypes.Video;
        if (ogType == "article" || jsonLd.HasArticle) return PageTypes.Article;
        var segments = pageUrl.AbsolutePath.ToLowerInvariant().Split('/');
        return segments.Any(s => s is "video" or "videos") ? PageTypes.Video : PageTypes.Article;
    }
}

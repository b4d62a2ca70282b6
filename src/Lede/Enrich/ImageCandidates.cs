using AngleSharp.Dom;

namespace Lede.Enrich;

/// <summary>Gathers a page's images in order of preference (og:image, JSON-LD, twitter:image, image_src, the lead image in the text), drops junk, merges duplicates.</summary>
internal static class ImageCandidates
{
    private const int MaxCandidates = 40;

    public static List<PageImage> Collect(IDocument document, MetaTags meta, JsonLdFacts jsonLd, Uri pageUrl, List<string> warnings)
    {
        var raw = new List<(string Url, int? Width, int? Height, string Source)>();
        AddOpenGraph(meta, raw);
        foreach (var (url, w, h) in jsonLd.Images) raw.Add((url, w, h, "json-ld"));
        foreach (var key in (ReadOnlySpan<string>)["twitter:image", "twitter:image:src"])
        {
            foreach (var url in meta.All(key)) raw.Add((url, null, null, "twitter:image"));
        }

        foreach (var link in document.QuerySelectorAll("link[rel~=image_src i][href]")) raw.Add((link.GetAttribute("href")!, null, null, "image_src"));
        if (LeadImage.Find(document, pageUrl, warnings) is { } lead) raw.Add((lead.Url, lead.Width, lead.Height, "body"));

        var publisherLogo = Resolve(pageUrl, jsonLd.PublisherLogo);
        var kept = new List<PageImage>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, width, height, source) in raw.Take(MaxCandidates))
        {
            if (Resolve(pageUrl, text) is not { } url)
            {
                warnings.Add($"image: {source} '{Short(text)}' is not a usable URL; ignored");
                continue;
            }

            var key = Key(url);
            if (seen.TryGetValue(key, out var at))
            {
                // Same picture named twice: keep the first place, take the size from whichever declares it.
                var first = kept[at];
                if (first.Width is null && first.Height is null && (width is not null || height is not null)) kept[at] = first with { Width = width, Height = height };
                continue;
            }

            var reason = ImageCues.StrongUrlCue(url) ?? ImageCues.SizeCue(width, height, source == "body" ? 80 : 50)
                ?? (publisherLogo is not null && Key(publisherLogo) == key ? "the publisher's logo" : null);
            var weak = reason is null ? ImageCues.WeakUrlCue(url) : null;
            if (weak is not null && (source == "body" || ImageCues.SizeCue(width, height, 200) is not null)) reason = weak;
            if (reason is not null)
            {
                warnings.Add($"image: {source} {Short(url.AbsoluteUri)} dropped: {reason}");
                continue;
            }

            seen[key] = kept.Count;
            kept.Add(new PageImage(url, width, height, source, Doubtful: weak is not null));
        }

        // Doubtful share images (a logo the publisher chose) only come after every clean candidate.
        return [.. kept.Where(i => !i.Doubtful), .. kept.Where(i => i.Doubtful)];
    }

    /// <summary>og:image starts an image; og:image:width/height that follow belong to it; :url and :secure_url repeat it.</summary>
    private static void AddOpenGraph(MetaTags meta, List<(string Url, int? Width, int? Height, string Source)> raw)
    {
        var current = -1;
        foreach (var (key, value) in meta.Ordered)
        {
            switch (key)
            {
                case "og:image" or "og:image:url" or "og:image:secure_url":
                    var repeat = current >= 0 && key != "og:image" && raw[current].Source == "og:image";
                    if (!repeat)
                    {
                        raw.Add((value, null, null, "og:image"));
                        current = raw.Count - 1;
                    }

                    break;
                case "og:image:width" when current >= 0:
                    raw[current] = raw[current] with { Width = JsonLdReader.ParseDimension(value) };
                    break;
                case "og:image:height" when current >= 0:
                    raw[current] = raw[current] with { Height = JsonLdReader.ParseDimension(value) };
                    break;
            }
        }
    }

    internal static Uri? Resolve(Uri pageUrl, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return new Uri("data:,", UriKind.Absolute);
        if (t.Length > 4000 || !Uri.TryCreate(pageUrl, t, out var url)) return null;
        return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps || url.Scheme == "data" ? url : null;
    }

    // http and https copies of one path are the same picture.
    private static string Key(Uri url) => url.Host.ToLowerInvariant() + url.PathAndQuery;

    private static string Short(string s) => s.Length <= 120 ? s : s[..117] + "...";
}

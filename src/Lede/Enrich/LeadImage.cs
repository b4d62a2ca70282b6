using System.Globalization;
using AngleSharp.Dom;

namespace Lede.Enrich;

/// <summary>The first picture in the article's own text that is not a logo, icon, avatar, ad or placeholder.</summary>
internal static class LeadImage
{
    private const int MaxImages = 30;

    private static readonly string[] Roots =
    [
        "[itemprop~=articleBody]", "article", "[role=main]", "main",
        ".entry-content", ".post-content", ".article-body", ".article-content", ".story-body", "#content",
    ];

    // Lazy loaders keep the real URL here and put a placeholder in src.
    private static readonly string[] LazyAttributes = ["data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src", "data-full-src"];

    public static (string Url, int? Width, int? Height)? Find(IDocument document, Uri pageUrl, List<string> warnings)
    {
        var root = Roots.Select(document.QuerySelector).FirstOrDefault(e => e is not null) ?? document.Body;
        if (root is null) return null;
        var checkedImages = 0;
        foreach (var img in root.GetElementsByTagName("img"))
        {
            if (++checkedImages > MaxImages) break;
            if (InChrome(img, root)) continue;
            var source = SourceOf(img);
            if (source is null) continue;
            var width = Dimension(img.GetAttribute("width")) ?? source.Value.Width;
            var height = Dimension(img.GetAttribute("height"));
            // Pixels, spacers and logos are skipped here so that the next picture gets its chance.
            var url = ImageCandidates.Resolve(pageUrl, source.Value.Url);
            var cue = ImageCues.ElementCue(Describe(img)) ?? ImageCues.AltCue(img.GetAttribute("alt"))
                ?? (url is null ? "not a URL" : ImageCues.StrongUrlCue(url) ?? ImageCues.WeakUrlCue(url)) ?? ImageCues.SizeCue(width, height, 80);
            if (cue is not null)
            {
                warnings.Add($"image: body image {Shorten(source.Value.Url)} skipped: {cue}");
                continue;
            }

            if (width is not null && height is not null && (width > 6 * height || height > 6 * width)) continue;
            return (source.Value.Url, width, height);
        }

        return null;
    }

    /// <summary>Navigation, sidebars, footers and (outside an article) the page header are not the article.</summary>
    private static bool InChrome(IElement img, IElement root)
    {
        for (var e = img.ParentElement; e is not null && e != root; e = e.ParentElement)
        {
            // noscript is not chrome: lazy-loading pages keep the real <img> there.
            if (e.LocalName is "nav" or "aside" or "footer" or "form" or "button") return true;
            if (e.LocalName == "header" && root.LocalName == "body") return true;
        }

        return false;
    }

    /// <summary>The real URL: a lazy attribute, then src unless it is a data: placeholder, then the widest srcset candidate, then a picture source.</summary>
    private static (string Url, int? Width)? SourceOf(IElement img)
    {
        foreach (var attribute in LazyAttributes)
        {
            if (Usable(img.GetAttribute(attribute)) is { } lazy) return (lazy, null);
        }

        if (Usable(img.GetAttribute("src")) is { } src) return (src, null);
        if ((Widest(img.GetAttribute("data-srcset")) ?? Widest(img.GetAttribute("srcset"))) is { } set) return set;
        // <picture><source srcset=…><img></picture>: the sources carry the URLs.
        return img.ParentElement?.LocalName == "picture"
            ? img.ParentElement.Children.Where(c => c.LocalName == "source").Select(c => Widest(c.GetAttribute("srcset") ?? c.GetAttribute("data-srcset"))).FirstOrDefault(s => s is not null)
            : null;
    }

    private static string? Usable(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        return v.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || v.StartsWith('#') || v.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) ? null : v;
    }

    internal static (string Url, int? Width)? Widest(string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset)) return null;
        (string, int?)? best = null;
        var bestScore = -1d;
        foreach (var candidate in srcset.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || Usable(parts[0]) is not { } url) continue;
            var descriptor = parts.Length > 1 ? parts[1] : "1x";
            var number = double.TryParse(descriptor.AsSpan(0, Math.Max(descriptor.Length - 1, 0)), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 1;
            var isWidth = descriptor.EndsWith('w');
            var score = isWidth ? number : number * 1000;
            if (score > bestScore)
            {
                bestScore = score;
                best = (url, isWidth && number is >= 1 and <= 100_000 ? (int)number : null);
            }
        }

        return best;
    }

    private static int? Dimension(string? value)
        => int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 100_000 ? n : null;

    /// <summary>class and id of the image and its two nearest ancestors: logos hide in "site-logo" wrappers.</summary>
    private static string Describe(IElement img)
    {
        var parts = new List<string?> { img.ClassName, img.Id };
        var e = img.ParentElement;
        for (var i = 0; i < 2 && e is not null; i++, e = e.ParentElement)
        {
            parts.Add(e.ClassName);
            parts.Add(e.Id);
        }

        return string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
    }

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..117] + "...";
}

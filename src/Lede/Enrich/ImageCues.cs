namespace Lede.Enrich;

/// <summary>The cues that keep logos, icons, tracking pixels, placeholders and ads from becoming an article's lead image.</summary>
/// <remarks>
/// Strong cues always reject: a data:/non-http URL; a tracking or ad host; a file named favicon, sprite, spacer, blank, pixel,
/// transparent, placeholder, lazy/loading/spinner, 1x1 or beacon, or a spacer file (dot.gif, clear.gif); an .ico/.svg/.cur file; an ad directory (/ads/, /ad/);
/// a known size of at most 2×2 (tracking pixel) or under 50 pixels on a side; the publisher's logo named in JSON-LD.
/// Weak cues (logo, icon, avatar, badge, emoji in the URL; default/fallback/generic in the file name; for body images also logo/icon/avatar/author/ad/sponsor/share/social
/// in class, id or alt) reject body images outright, but a share image the publisher declared (og:image, JSON-LD, twitter:image)
/// at a usable size is kept as <see cref="PageImage.Doubtful"/> and ranked last: the reference records keep such images
/// (Amnesty UK's 1200×627 "amnesty_logo_0.jpg").
/// </remarks>
public static class ImageCues
{
    private static readonly HashSet<string> StrongTokens = new(StringComparer.Ordinal)
    {
        "favicon", "sprite", "sprites", "spacer", "blank", "pixel", "transparent", "placeholder", "lazy", "lazyload",
        "loading", "loader", "spinner", "1x1", "beacon", "tracker", "shim", "counter",
    };

    // Whole file names that are spacers, never words inside a longer name ("polka-dot-dress.jpg" is fine).
    private static readonly HashSet<string> SpacerStems = new(StringComparer.Ordinal) { "dot", "clear", "empty", "trans", "grey", "gray", "white", "x", "s", "p", "t" };

    private static readonly HashSet<string> WeakTokens = new(StringComparer.Ordinal)
    {
        "logo", "logos", "icon", "icons", "avatar", "avatars", "gravatar", "badge", "badges", "emoji", "emojis", "author", "byline",
    };

    private static readonly HashSet<string> AdTokens = new(StringComparer.Ordinal) { "ad", "ads", "adv", "advert", "adverts", "advertising", "banners", "sponsor", "sponsored", "adserver", "doubleclick" };

    private static readonly HashSet<string> ElementTokens = new(StringComparer.Ordinal)
    {
        "logo", "icon", "avatar", "author", "byline", "sprite", "ad", "ads", "advert", "advertisement", "sponsor", "sponsored",
        "badge", "emoji", "share", "social", "gravatar", "profile", "placeholder", "spinner", "promo", "newsletter",
    };

    private static readonly string[] TrackingHosts =
    [
        "doubleclick.net", "googlesyndication.com", "google-analytics.com", "googletagmanager.com", "googleadservices.com",
        "scorecardresearch.com", "quantserve.com", "adnxs.com", "amazon-adsystem.com", "facebook.com", "facebook.net",
        "bat.bing.com", "mc.yandex.ru", "pixel.wp.com", "stats.wp.com", "gravatar.com", "chartbeat.net", "taboola.com",
        "outbrain.com", "criteo.com", "moatads.com", "adsrvr.org", "pubmatic.com", "rubiconproject.com", "casalemedia.com",
    ];

    // Parts of a host label that mark a counter or analytics host (livetracker.example.com, pixel.example.net).
    private static readonly string[] TrackingLabelParts = ["tracker", "tracking", "analytics", "beacon", "pixel", "metrics", "telemetry"];

    /// <summary>Why a URL can never be a lead image, or null.</summary>
    public static string? StrongUrlCue(Uri url)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) return $"{url.Scheme}: URL";
        var host = url.Host.ToLowerInvariant();
        foreach (var tracker in TrackingHosts)
        {
            if (host == tracker || host.EndsWith("." + tracker, StringComparison.Ordinal)) return "tracking or ad host";
        }

        var path = url.AbsolutePath.ToLowerInvariant();
        if (path.EndsWith(".ico", StringComparison.Ordinal) || path.EndsWith(".svg", StringComparison.Ordinal) || path.EndsWith(".cur", StringComparison.Ordinal))
        {
            return "icon or vector file";
        }

        var slash = path.LastIndexOf('/');
        var stem = Path.GetFileNameWithoutExtension(path[(slash + 1)..]);
        if (SpacerStems.Contains(stem)) return $"'{stem}' file name";
        if (Tokens(path[(slash + 1)..]).FirstOrDefault(StrongTokens.Contains) is { } token) return $"'{token}' in the file name";
        foreach (var label in host.Split('.'))
        {
            if (AdTokens.Contains(label)) return "ad host";
            if (TrackingLabelParts.Any(part => label.Contains(part, StringComparison.Ordinal))) return "tracking host";
        }

        foreach (var segment in path[..Math.Max(slash, 0)].Split('/'))
        {
            if (AdTokens.Contains(segment) || StrongTokens.Contains(segment)) return $"'{segment}' directory";
        }

        return null;
    }

    /// <summary>Why a URL looks like a logo, icon or avatar, or null.</summary>
    public static string? WeakUrlCue(Uri url)
    {
        var path = url.AbsolutePath.ToLowerInvariant();
        if (Tokens(path).FirstOrDefault(WeakTokens.Contains) is { } token) return $"'{token}' in the URL";
        // A site-wide stand-in ("opengraph_default.jpg") says nothing about the article; only the file name counts ("/styles/default/" is a folder).
        var file = path[(path.LastIndexOf('/') + 1)..];
        return Tokens(file).FirstOrDefault(DefaultFileTokens.Contains) is { } stand ? $"'{stand}' in the file name" : null;
    }

    private static readonly HashSet<string> DefaultFileTokens = new(StringComparer.Ordinal) { "default", "fallback", "generic", "nophoto", "noimage", "missing" };

    /// <summary>Why a known size rules an image out (tracking pixel, tiny), or null.</summary>
    public static string? SizeCue(int? width, int? height, int minimum = 50)
    {
        if (width is <= 2 && height is <= 2) return "a tracking pixel";
        if (width < minimum || height < minimum) return $"too small ({width?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}×{height?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"})";
        return null;
    }

    /// <summary>Why class or id say an element is not an article picture, or null.</summary>
    public static string? ElementCue(string? attributes)
        => attributes is null ? null : Tokens(attributes.ToLowerInvariant()).FirstOrDefault(ElementTokens.Contains) is { } token ? $"'{token}' in class or id" : null;

    /// <summary>Why alt text says a picture is a logo, icon or avatar, or null; alt is prose, so only those words count.</summary>
    public static string? AltCue(string? alt)
        => alt is null ? null : Tokens(alt.ToLowerInvariant()).FirstOrDefault(AltTokens.Contains) is { } token ? $"'{token}' in alt" : null;

    private static readonly HashSet<string> AltTokens = new(StringComparer.Ordinal) { "logo", "icon", "avatar", "placeholder", "spacer", "gravatar" };

    /// <summary>Splits on everything but letters and digits, and at camelCase-free boundaries only: "site-logo_white.png" → site, logo, white, png.</summary>
    internal static IEnumerable<string> Tokens(string s)
        => s.Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    private static readonly char[] Separators = [.. Enumerable.Range(0, 128).Select(i => (char)i).Where(c => !char.IsAsciiLetterOrDigit(c))];
}

using System.Text.RegularExpressions;

namespace Lede.Score;

/// <summary>Finds the labels a publisher puts on paid and opinion content: in sections, the URL path, the headline and the description.</summary>
/// <remarks>
/// Precise on purpose: "sponsored by" alone is ordinary news ("a bill sponsored by Senator X"), so in running text only
/// disclosure phrases count ("sponsored content", "paid post", "in partnership with"); bare words count only as a
/// section label, a URL folder or a headline prefix ("Sponsored: …", "Opinion | …").
/// </remarks>
internal static partial class ContentLabels
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const int MaxText = 2_000;

    private static readonly HashSet<string> SponsoredSections = new(StringComparer.OrdinalIgnoreCase)
    {
        "sponsored", "sponsored content", "sponsored post", "sponsor content", "paid post", "paid content",
        "partner content", "advertorial", "advertisement", "advertising feature", "promoted",
        "promoted content", "brandvoice", "brand studio", "branded content", "native ad",
    };

    private static readonly Dictionary<string, string> OpinionSections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["opinion"] = "opinion",
        ["opinions"] = "opinion",
        ["op-ed"] = "opinion",
        ["op-eds"] = "opinion",
        ["oped"] = "opinion",
        ["editorial"] = "opinion",
        ["editorials"] = "opinion",
        ["commentary"] = "opinion",
        ["column"] = "opinion",
        ["columns"] = "opinion",
        ["columnists"] = "opinion",
        ["letters"] = "opinion",
        ["letters to the editor"] = "opinion",
        ["viewpoint"] = "opinion",
        ["viewpoints"] = "opinion",
        ["perspective"] = "opinion",
        ["perspectives"] = "opinion",
        ["opinionnewsarticle"] = "opinion",
        ["comment"] = "opinion",
        ["commentisfree"] = "opinion",
        ["analysis"] = "analysis",
        ["news analysis"] = "analysis",
        ["analysisnewsarticle"] = "analysis",
    };

    /// <summary>What marks the article as paid content, or null.</summary>
    public static string? Sponsored(QualityInput input)
    {
        if ((input.Sections ?? []).FirstOrDefault(s => s is not null && SponsoredSections.Contains(Label(s))) is { } section)
        {
            return $"section '{Label(section)}'";
        }

        if (PathSegments(input.Url).FirstOrDefault(s => SponsoredSections.Contains(s.Replace('-', ' '))) is { } folder)
        {
            return $"URL folder /{folder}/";
        }

        if (Find(SponsoredPrefix, input.Title) is { } prefix)
        {
            return $"headline label \"{prefix}\"";
        }

        foreach (var text in (ReadOnlySpan<string?>)[input.Title, input.Excerpt, input.RawDescription, Head(input.FullText)])
        {
            if (Find(Disclosure, text) is { } phrase)
            {
                return $"disclosure \"{phrase}\"";
            }
        }

        return null;
    }

    /// <summary>"opinion" or "analysis" with what marked it, or null for news.</summary>
    public static (string Label, string Why)? Opinion(QualityInput input)
    {
        foreach (var section in input.Sections ?? [])
        {
            if (section is not null && OpinionSections.TryGetValue(Label(section), out var label))
            {
                return (label, $"section '{Label(section)}'");
            }
        }

        foreach (var segment in PathSegments(input.Url))
        {
            if (OpinionSections.TryGetValue(segment, out var label) || OpinionSections.TryGetValue(segment.Replace('-', ' '), out label))
            {
                return (label, $"URL folder /{segment}/");
            }
        }

        if (Find(OpinionPrefix, input.Title) is { } prefix)
        {
            var label = prefix.Contains("analysis", StringComparison.OrdinalIgnoreCase) ? "analysis" : "opinion";
            return (label, $"headline label \"{prefix}\"");
        }

        return null;
    }

    private static string Label(string section) => section.Trim().Trim(':', '|', '-', '/').Trim();

    private static string? Head(string? text) => text is { Length: > MaxText } ? text[..MaxText] : text;

    private static IEnumerable<string> PathSegments(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return [];
        }

        // The last segment is the article's slug; only folders label it.
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Take(Math.Max(0, segments.Length - 1)).Select(s => Uri.UnescapeDataString(s).ToLowerInvariant());
    }

    private static string? Find(Func<Regex> pattern, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var match = pattern().Match(text.Length > MaxText ? text[..MaxText] : text);
            return match.Success ? match.Value.Trim() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*([\[(](?<w>sponsored|paid\s+post|paid\s+content|partner\s+content|advertorial|advertisement|promoted|ad)[\])]|(?<w>sponsored|paid\s+post|paid\s+content|partner\s+content|advertorial|advertisement|promoted|ad)\s*([:|]|\s[–—-]))\s", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex SponsoredPrefix();

    [GeneratedRegex(@"\b(sponsored\s+(content|post|article|story|feature)|this\s+(article|post|story|content|piece)\s+(is|was)\s+(sponsored|paid\s+for|produced\s+in\s+partnership|brought\s+to\s+you)|paid\s+post|paid\s+content|partner\s+content|advertorial|advertisement\s+feature|in\s+paid\s+partnership\s+with|brought\s+to\s+you\s+by|presented\s+by\s+our\s+partner|rel\s*=\s*[""']?sponsored)\b", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex Disclosure();

    [GeneratedRegex(@"^\s*([\[(](?<w>opinion|op-ed|oped|editorial|commentary|column|analysis|news\s+analysis|letter|letters|viewpoint|perspective)[\])]|(?<w>opinion|op-ed|oped|editorial|commentary|column|analysis|news\s+analysis|letter|letters|viewpoint|perspective)\s*([:|]|\s[–—-]))\s", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex OpinionPrefix();
}

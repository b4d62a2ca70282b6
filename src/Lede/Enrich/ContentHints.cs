using System.Text.RegularExpressions;

namespace Lede.Enrich;

/// <summary>Class/id word patterns shared by the extractor's steps (Readability's lists plus trafilatura-style boilerplate).</summary>
/// <remarks>Plain alternations of literals: linear-time, no backtracking hazard.</remarks>
internal static partial class ContentHints
{
    [GeneratedRegex("-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|signup|sign-up|cookie|consent|share|sharing|recirc|recommend|trending|most-popular|mostpopular|outbrain|taboola|paywall|promo|widget|masthead|toolbar|author-bio|byline|tags|tag-list|taglist|read-more|readmore|more-stories|also-read|navigation|navbar|copyright", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    public static partial Regex Unlikely();

    [GeneratedRegex("and|article|body|column|content|main|mathjax|shadow|entry|story|post-text|text", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    public static partial Regex MaybeCandidate();

    [GeneratedRegex("hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|-ad-|newsletter|caption|credit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    public static partial Regex Negative();

    [GeneratedRegex("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    public static partial Regex Positive();

    /// <summary>Known article-body containers (trafilatura's BODY_XPATH idea): class/id words, not tags.</summary>
    [GeneratedRegex("(^|[ _-])(article-?body|article__body|article-?content|article__content|articletext|article-text|entry-?content|post-?content|post-?body|post-text|postbody|story-?body|story-?content|storycontent|body-?text|bodytext|content-?body|main-?content|article-main|articlecontent|text-?content|rich-?text|field-body|article__text|c-entry-content|blog-?content|single-content|news-?content|news-?text|page-?content|td-post-content|articulo-?cuerpo|artikel)($|[ _-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    public static partial Regex BodyContainer();

    [GeneratedRegex("^(advertisement|advertising|anzeige|publicidad|publicité|sponsored|read more|read more:|continue reading|related:|related articles|related stories|see also|share this( article| story)?|share|tweet|email|print|comments?|follow us.*|sign up.*|subscribe.*|click here.*|all rights reserved.*|image:.*|photo:.*|getty images|skip to .*|loading\\.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    public static partial Regex BoilerplateLine();

    public static readonly HashSet<string> UnlikelyRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo", "search",
    };

    /// <summary>Readability's class weight: -25/+25 for the class and the id each.</summary>
    public static int ClassWeight(ContentNode n)
    {
        if (n.Element is null) return 0;
        var weight = 0;
        var cls = n.Element.GetAttribute("class");
        if (!string.IsNullOrEmpty(cls))
        {
            if (Negative().IsMatch(cls)) weight -= 25;
            if (Positive().IsMatch(cls)) weight += 25;
        }

        var id = n.Element.Id;
        if (!string.IsNullOrEmpty(id))
        {
            if (Negative().IsMatch(id)) weight -= 25;
            if (Positive().IsMatch(id)) weight += 25;
        }

        return weight;
    }
}

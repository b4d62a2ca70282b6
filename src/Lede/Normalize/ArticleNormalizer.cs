using Lede.Enrich;
using Lede.Records;
using Lede.Text;

namespace Lede.Normalize;

/// <summary>Feed facts + page facts → the article: canonical URL, clean text, excerpt, provider, type, AMP cache URL.</summary>
/// <remarks>
/// The feed's facts are the starting point (an editor's title and date outrank a page's); the page refines what a
/// feed cannot know: the canonical URL, the AMP URL, the provider's real name, a real excerpt, the type and images.
/// Thread-safe when its namer and chooser are (both are).
/// </remarks>
public sealed class ArticleNormalizer(ProviderNamer namer, BoilerplateDetector boilerplate, PublicSuffixList suffixes)
{
    private readonly ExcerptChooser _excerpts = new(boilerplate);

    /// <summary>With the providers file and suffix list shipped with Lede and a fresh boilerplate detector.</summary>
    public static ArticleNormalizer Default() => new(new ProviderNamer(), new BoilerplateDetector(), PublicSuffixList.Default);

    /// <summary>
    /// Shows the boilerplate detector a page's description before any excerpt is chosen, so that a site's
    /// boilerplate is recognised on the first of its pages in a batch, not only from the second on.
    /// </summary>
    public void Observe(ArticleRecord feed, string? feedDescription, EnrichedPage? page)
    {
        var webUrl = WebUrl(feed, page, []);
        var host = new Uri(webUrl).Host;
        boilerplate.Observe(suffixes.Find(host).Domain ?? host, webUrl, DescriptionOf(feedDescription, page?.Facts.Description));
    }

    /// <summary>The article for a feed record (from <see cref="FeedItemNormalizer"/>) and its page, when it could be read.</summary>
    /// <param name="feed">The record with what the feed gave.</param>
    /// <param name="feedTitle">The source's or feed's title, a last candidate for the provider's name.</param>
    /// <param name="feedDescription">The item's description as the feed wrote it (HTML allowed).</param>
    /// <param name="page">The page's facts and text, or null when the page could not be fetched.</param>
    public NormalizedArticle Normalize(ArticleRecord feed, string? feedTitle, string? feedDescription, EnrichedPage? page)
    {
        var warnings = new List<string>();
        var facts = page?.Facts;
        var webUrl = WebUrl(feed, page, warnings);
        var host = new Uri(webUrl).Host;
        var provider = namer.Name(host, facts?.SiteName, publisher: null, feedTitle);
        var amp = facts?.AmpUrl?.OriginalString ?? feed.AmpWebUrl;
        var cdnAmp = AmpCacheUrl.Create(amp);
        if (amp is not null && cdnAmp.Url is null)
        {
            warnings.Add($"url: no AMP cache URL for {amp}: {cdnAmp.Problem}");
        }

        var title = Clean(feed.Title, warnings, "title");
        if (title.Length == 0 && facts?.Title is { } pageTitle)
        {
            title = Clean(pageTitle, warnings, "title");
        }

        var description = DescriptionOf(feedDescription, facts?.Description);
        var excerpt = _excerpts.Choose(description, page?.Text.Text, provider.Domain, webUrl, provider.Name);
        if (excerpt.Reason is not null && excerpt.Source == ExcerptSource.Lead)
        {
            warnings.Add($"content: excerpt from the article's lead ({excerpt.Reason})");
        }

        var record = feed with
        {
            Title = title.Length > 0 ? title : Excerpts.Cut(excerpt.Text, 100),
            Excerpt = excerpt.Text.Length > 0 ? excerpt.Text : feed.Excerpt,
            WebUrl = webUrl,
            PublishedDateTime = feed.PublishedDateTime,
            AmpWebUrl = amp,
            CdnAmpWebUrl = cdnAmp.Url,
            Type = facts?.Type == PageTypes.Video ? ArticleType.Video : feed.Type,
            Provider = new ProviderRef(provider.Name, provider.Domain),
            Images = Images(feed, facts),
        };
        return new NormalizedArticle(record, page?.Text.Text ?? "", facts?.Authors ?? [], feedDescription ?? facts?.Description, warnings)
        {
            ExcerptReplaced = excerpt.Reason is not null && excerpt.Source == ExcerptSource.Lead && description is not null,
            ProviderTier = provider.Tier,
            PageHasDate = facts?.PublishedUtc is not null,
        };
    }

    /// <summary>
    /// The canonical URL: the page's own canonical when it is on the same site and is not just the home page,
    /// else the URL the page was found at, else the feed's link; always in canonical form.
    /// </summary>
    private string WebUrl(ArticleRecord feed, EnrichedPage? page, List<string> warnings)
    {
        var found = page?.FinalUrl ?? new Uri(feed.WebUrl);
        if (page?.Facts.CanonicalUrl is { } canonical)
        {
            if (!SameSite(canonical, found))
            {
                warnings.Add($"url: canonical {canonical} is on another site than {found}; kept {found}");
            }
            else if (canonical.AbsolutePath == "/" && found.AbsolutePath != "/")
            {
                warnings.Add($"url: canonical {canonical} is the site's home page; kept {found}");
            }
            else
            {
                found = canonical;
            }
        }

        return UrlCanonicalizer.Canonicalize(found.AbsoluteUri).Url ?? feed.WebUrl;
    }

    private bool SameSite(Uri a, Uri b)
    {
        var left = suffixes.Find(a.Host).Domain ?? a.Host;
        var right = suffixes.Find(b.Host).Domain ?? b.Host;
        return string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A short feed description is an editor's summary; a long one is usually the article itself, so the page's wins.</summary>
    private static string? DescriptionOf(string? feedDescription, string? pageDescription)
    {
        var feedText = HtmlText.ToPlain(feedDescription);
        if (string.IsNullOrWhiteSpace(feedText))
        {
            return pageDescription;
        }

        return feedText.Length > 2 * Excerpts.TargetLength && !string.IsNullOrWhiteSpace(pageDescription) ? pageDescription : feedText;
    }

    private static string Clean(string text, List<string> warnings, string what)
    {
        var clean = TextCleaner.Clean(text);
        if (clean.RepairedMojibake)
        {
            warnings.Add($"content: repaired mojibake in the {what}");
        }

        return clean.Text;
    }

    /// <summary>The lead image: the page's best (it knows its own lead image best), else the feed's first.</summary>
    /// <remarks>One image, as the records keep it; the page's other candidates are decoration or duplicates in other sizes.</remarks>
    private static List<RecordImage> Images(ArticleRecord feed, PageFacts? facts)
    {
        if (facts?.Images is [var best, ..])
        {
            return [new RecordImage(best.Url.OriginalString, best.Width, best.Height, IsCached: false)];
        }

        return feed.Images.Count > 0 ? [feed.Images[0]] : [];
    }
}

using Lede.Text;

namespace Lede.Normalize;

/// <summary>Chooses an article's excerpt: its own description, unless that is the site's boilerplate, else its lead.</summary>
public sealed class ExcerptChooser(BoilerplateDetector detector)
{
    /// <value>Default: 300 characters, cut at a sentence end, else a word boundary with an ellipsis.</value>
    public int TargetLength { get; init; } = Excerpts.TargetLength;

    /// <value>Default: 40 characters; shorter descriptions ("Read more", "News") say nothing about the article.</value>
    public int MinimumDescription { get; init; } = 40;

    /// <summary>Chooses between <paramref name="description"/> (page or feed) and <paramref name="lead"/> (the article's first text).</summary>
    /// <param name="description">The page's or feed's description, HTML entities allowed.</param>
    /// <param name="lead">The article's main text, or its first paragraphs.</param>
    /// <param name="domain">The provider's registrable domain: boilerplate is learned per provider.</param>
    /// <param name="pageUrl">The article's URL: the same page seen twice counts once.</param>
    /// <param name="siteName">The provider's name; a description that is only the name is generic.</param>
    public ExcerptChoice Choose(string? description, string? lead, string? domain, string? pageUrl, string? siteName = null)
    {
        var desc = TextCleaner.Clean(description).Text;
        // Only the lead's beginning can become the excerpt: cleaning the whole article text would cost far more.
        var body = TextCleaner.Clean(Head(lead, TargetLength * 4)).Text;
        var repeated = detector.Observe(domain, pageUrl, desc);
        var reason = desc.Length == 0 ? "no description"
            : repeated ? "description repeats across the provider's pages"
            : desc.Length < MinimumDescription ? "description too short"
            : siteName is not null && BoilerplateDetector.Fingerprint(desc) == BoilerplateDetector.Fingerprint(siteName) ? "description is the site name"
            : null;
        if (reason is null)
        {
            return new(Excerpts.Cut(desc, TargetLength), ExcerptSource.Description, null);
        }

        if (body.Length > 0)
        {
            return new(Excerpts.Cut(body, TargetLength), ExcerptSource.Lead, reason);
        }

        // No lead to fall back on: a short own description still beats nothing, boilerplate does not.
        return desc.Length > 0 && !repeated
            ? new(Excerpts.Cut(desc, TargetLength), ExcerptSource.Description, reason)
            : new("", ExcerptSource.None, reason);
    }

    /// <summary>The first <paramref name="length"/> characters or so of <paramref name="text"/>, cut at a space.</summary>
    private static string? Head(string? text, int length)
    {
        if (text is null || text.Length <= length)
        {
            return text;
        }

        var space = text.IndexOf(' ', length);
        return space < 0 ? text : text[..space];
    }
}

namespace Lede.Score;

/// <summary>The article's lead image as quality scoring sees it.</summary>
/// <param name="Url">The image URL as found.</param>
/// <param name="Width">Width in pixels, or null when not known.</param>
/// <param name="Height">Height in pixels, or null when not known.</param>
public sealed record QualityImage(string Url, int? Width, int? Height)
{
    /// <summary>True when the same image leads many of the provider's articles (over 20 %): a site-wide stand-in, not a picture of this story.</summary>
    public bool RepeatsAcrossArticles { get; init; }
}

namespace Lede.Pipeline;

/// <summary>Facts about an article that its record does not hold and quality scoring needs.</summary>
/// <param name="ProviderTier">The providers file's tier for its provider (1 best … 5), when it gives one.</param>
/// <param name="ExcerptWasBoilerplate">The source's description was the site's boilerplate and was replaced.</param>
/// <param name="HasAuthor">The page or feed names an author.</param>
/// <param name="HasPublishedDate">The feed or page gives a publication time (not just when Lede saw it).</param>
/// <param name="RawDescription">The description as the source wrote it.</param>
public sealed record ArticleFacts(int? ProviderTier, bool ExcerptWasBoilerplate, bool HasAuthor, bool HasPublishedDate, string? RawDescription);

namespace Lede.Store;

/// <summary>A full-text search over the articles' public fields (title, excerpt, provider, topics, tags); the full text is sealed and never indexed.</summary>
/// <param name="Text">What the user typed: words (all must match, stemmed where the store can), <c>"quoted phrases"</c>, <c>-excluded</c> words; never store syntax.</param>
/// <param name="Topic">Only articles carrying this topic (case-insensitive name).</param>
/// <param name="Since">Only articles published at or after this UTC time.</param>
/// <param name="PublishedOnly">Only articles whose <c>published</c> is true.</param>
/// <param name="Limit">At most this many hits (1–1000).</param>
public sealed record SearchQuery(string Text, string? Topic = null, DateTime? Since = null, bool PublishedOnly = false, int Limit = 20);

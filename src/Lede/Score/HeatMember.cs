namespace Lede.Score;

/// <summary>One article of a story as heat sees it: who published it and when.</summary>
/// <param name="Provider">The provider's domain or name; articles of one masthead count once.</param>
/// <param name="PublishedAt">The publication time the article gives, or null when it gives none.</param>
/// <param name="FirstSeenAt">When Lede first saw the article, or null.</param>
public sealed record HeatMember(string? Provider, DateTimeOffset? PublishedAt, DateTimeOffset? FirstSeenAt = null);

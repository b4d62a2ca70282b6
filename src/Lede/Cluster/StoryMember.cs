using Lede.Normalize;

namespace Lede.Cluster;

/// <summary>One article of a story, as related-coverage choice needs it.</summary>
public sealed record StoryMember(ArticleId Id, string ProviderDomain, DateTime Published, int Quality);

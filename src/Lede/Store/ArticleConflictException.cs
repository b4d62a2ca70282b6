using Lede.Normalize;

namespace Lede.Store;

/// <summary>A write that would give one canonical URL to two articles.</summary>
public sealed class ArticleConflictException(ArticleId id, ArticleId holder, string webUrl)
    : Exception($"webUrl {webUrl} is already held by article {holder}, not {id}")
{
    public ArticleId Id { get; } = id;
    public ArticleId Holder { get; } = holder;
}

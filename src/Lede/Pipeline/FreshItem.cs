using Lede.Records;

namespace Lede.Pipeline;

/// <summary>A feed item Lede does not hold yet: what its feed said, before its page is read.</summary>
/// <param name="Feed">The record built from the item alone (its link is <c>originalUrl</c>).</param>
/// <param name="FeedTitle">The source's or the feed's title, a hint for the provider's name.</param>
/// <param name="Description">The item's description (or content) as the feed wrote it.</param>
/// <param name="Dated">Whether the feed gave the item a date (else its date is when Lede saw it).</param>
public sealed record FreshItem(ArticleRecord Feed, string? FeedTitle, string? Description, bool Dated)
{
    /// <summary>The item's link as the feed gave it.</summary>
    public string Link => Feed.OriginalUrl;
}

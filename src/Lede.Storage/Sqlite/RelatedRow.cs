using Lede.Records;

namespace Lede.Storage.Sqlite;

/// <summary>A row of <c>related_snapshot</c>.</summary>
internal sealed class RelatedRow
{
    public const string Select = """
        SELECT article_seq, position, title, excerpt, published_at, web_url, amp_web_url, cdn_amp_web_url,
               type, provider_name, provider_domain, quality
        FROM related_snapshot
        """;

    public long ArticleSeq { get; init; }
    public long Position { get; init; }
    public string Title { get; init; } = "";
    public string Excerpt { get; init; } = "";
    public string PublishedAt { get; init; } = "";
    public string WebUrl { get; init; } = "";
    public string? AmpWebUrl { get; init; }
    public string? CdnAmpWebUrl { get; init; }
    public string Type { get; init; } = "";
    public string ProviderName { get; init; } = "";
    public string ProviderDomain { get; init; } = "";
    public int Quality { get; init; }

    public RelatedEntry ToEntry(IReadOnlyList<RecordImage> images) => new()
    {
        Title = Title,
        Excerpt = Excerpt,
        PublishedDateTime = StoredTime.Parse(PublishedAt),
        WebUrl = WebUrl,
        AmpWebUrl = AmpWebUrl,
        CdnAmpWebUrl = CdnAmpWebUrl,
        Type = StoredType.Parse(Type),
        Provider = new ProviderRef(ProviderName, ProviderDomain),
        Quality = Quality,
        Images = images,
    };
}

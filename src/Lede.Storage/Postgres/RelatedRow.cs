using Lede.Records;
using Lede.Storage.Sqlite;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

/// <summary>A row of <c>related_snapshot</c>; text still escaped.</summary>
internal sealed class RelatedRow
{
    public const string Select = """
        SELECT article_id, position, title, excerpt, published_at, web_url, amp_web_url, cdn_amp_web_url,
               type, provider_name, provider_domain, quality
        FROM related_snapshot
        """;

    public long ArticleId { get; init; }
    public int Position { get; init; }
    public string Title { get; init; } = "";
    public string Excerpt { get; init; } = "";
    public DateTime PublishedAt { get; init; }
    public string WebUrl { get; init; } = "";
    public string? AmpWebUrl { get; init; }
    public string? CdnAmpWebUrl { get; init; }
    public string Type { get; init; } = "";
    public string ProviderName { get; init; } = "";
    public string ProviderDomain { get; init; } = "";
    public int Quality { get; init; }

    public RelatedEntry ToEntry(IReadOnlyList<RecordImage> images) => new()
    {
        Title = T.Decode(Title),
        Excerpt = T.Decode(Excerpt),
        PublishedDateTime = PostgresTime.Read(PublishedAt),
        WebUrl = T.Decode(WebUrl),
        AmpWebUrl = T.Decode(AmpWebUrl),
        CdnAmpWebUrl = T.Decode(CdnAmpWebUrl),
        Type = StoredType.Parse(Type),
        Provider = new ProviderRef(T.Decode(ProviderName), T.Decode(ProviderDomain)),
        Quality = Quality,
        Images = images,
    };
}

using Lede.Normalize;
using Lede.Records;
using Lede.Store;

namespace Lede.Storage.Sqlite;

/// <summary>A row of <c>article</c>, as Dapper fills it.</summary>
internal sealed class ArticleRow
{
    public const string Select = """
        SELECT id, seq, category, title, excerpt, published_at, original_url, web_url, amp_web_url, cdn_amp_web_url,
               type, quality, COALESCE((SELECT s.heat FROM story s WHERE s.id = article.story_id), heat) AS heat, published, provider_domain, provider_name, secured_ciphertext, secured_iv, secured_key_id, secured_mac, body,
               story_id, duplicate_of, explain, (SELECT s.heat_why FROM story s WHERE s.id = article.story_id) AS story_heat_why
        FROM article
        """;

    public long Id { get; init; }
    public long Seq { get; init; }
    public string Category { get; init; } = "";
    public string Title { get; init; } = "";
    public string Excerpt { get; init; } = "";
    public string PublishedAt { get; init; } = "";
    public string OriginalUrl { get; init; } = "";
    public string WebUrl { get; init; } = "";
    public string? AmpWebUrl { get; init; }
    public string? CdnAmpWebUrl { get; init; }
    public string Type { get; init; } = "";
    public int Quality { get; init; }
    public int Heat { get; init; }
    public bool Published { get; init; }
    public string ProviderDomain { get; init; } = "";
    public string ProviderName { get; init; } = "";
    public string? SecuredCiphertext { get; init; }
    public string? SecuredIv { get; init; }
    public string? SecuredKeyId { get; init; }
    public string? SecuredMac { get; init; }
    public string Body { get; init; } = "";
    public long? StoryId { get; init; }
    public long? DuplicateOf { get; init; }
    public string? Explain { get; init; }
    public string? StoryHeatWhy { get; init; }

    /// <summary>The story stages' conclusions, or null when none were stored.</summary>
    public ArticleAnalysis? ToAnalysis() => StoryId is null && DuplicateOf is null && Explain is null
        ? null
        : new ArticleAnalysis(StoryId, DuplicateOf is { } of ? ArticleId.FromInt64(of) : null, Explain) { StoryHeatWhy = StoryHeatWhy };

    /// <summary>The payload's key id and MAC, when Lede sealed it (an imported payload has neither).</summary>
    public SealedPayload? ToSeal() => SecuredCiphertext is not null && SecuredKeyId is not null && SecuredMac is not null
        ? new SealedPayload(new SecuredValue(SecuredCiphertext, SecuredIv!), SecuredKeyId, SecuredMac)
        : null;

    public ArticleRecord ToRecord() => new()
    {
        Category = Category,
        Title = Title,
        Excerpt = Excerpt,
        PublishedDateTime = StoredTime.Parse(PublishedAt),
        OriginalUrl = OriginalUrl,
        WebUrl = WebUrl,
        AmpWebUrl = AmpWebUrl,
        CdnAmpWebUrl = CdnAmpWebUrl,
        Type = StoredType.Parse(Type),
        Quality = Quality,
        Heat = Heat,
        Published = Published,
        Provider = new ProviderRef(ProviderName, ProviderDomain),
        Secured = SecuredCiphertext is null ? null : new SecuredValue(SecuredCiphertext, SecuredIv!),
        Body = Body,
    };
}

using Lede.Normalize;
using Lede.Records;
using Lede.Storage.Sqlite;
using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

/// <summary>A row of <c>article</c> with its story's heat, as Dapper fills it; text still escaped.</summary>
internal sealed class ArticleRow
{
    public const string Select = """
        SELECT a.id, a.seq, a.category, a.title, a.excerpt, a.published_at, a.original_url, a.web_url, a.amp_web_url,
               a.cdn_amp_web_url, a.type, a.quality, COALESCE(s.heat, a.heat) AS heat, a.published, a.provider_domain,
               a.provider_name, a.secured_ciphertext, a.secured_iv, a.secured_key_id, a.secured_mac, a.body, a.story_id,
               a.duplicate_of, a.explain, s.heat_why AS story_heat_why
        FROM article a LEFT JOIN story s ON s.id = a.story_id
        """;

    public long Id { get; init; }
    public long Seq { get; init; }
    public string Category { get; init; } = "";
    public string Title { get; init; } = "";
    public string Excerpt { get; init; } = "";
    public DateTime PublishedAt { get; init; }
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
        : new ArticleAnalysis(StoryId, DuplicateOf is { } of ? ArticleId.FromInt64(of) : null, T.Decode(Explain)) { StoryHeatWhy = T.Decode(StoryHeatWhy) };

    /// <summary>The payload's key id and MAC, when Lede sealed it (an imported payload has neither).</summary>
    public SealedPayload? ToSeal() => SecuredCiphertext is not null && SecuredKeyId is not null && SecuredMac is not null
        ? new SealedPayload(new SecuredValue(T.Decode(SecuredCiphertext), T.Decode(SecuredIv!)), T.Decode(SecuredKeyId), T.Decode(SecuredMac))
        : null;

    public ArticleRecord ToRecord() => new()
    {
        Category = T.Decode(Category),
        Title = T.Decode(Title),
        Excerpt = T.Decode(Excerpt),
        PublishedDateTime = PostgresTime.Read(PublishedAt),
        OriginalUrl = T.Decode(OriginalUrl),
        WebUrl = T.Decode(WebUrl),
        AmpWebUrl = T.Decode(AmpWebUrl),
        CdnAmpWebUrl = T.Decode(CdnAmpWebUrl),
        Type = StoredType.Parse(Type),
        Quality = Quality,
        Heat = Heat,
        Published = Published,
        Provider = new ProviderRef(T.Decode(ProviderName), T.Decode(ProviderDomain)),
        Secured = SecuredCiphertext is null ? null : new SecuredValue(T.Decode(SecuredCiphertext), T.Decode(SecuredIv!)),
        Body = T.Decode(Body),
    };
}

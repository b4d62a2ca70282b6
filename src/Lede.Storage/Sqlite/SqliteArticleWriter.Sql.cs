namespace Lede.Storage.Sqlite;

// Every text parameter below is written CAST($P AS TEXT): see SqliteText for why.
internal sealed partial class SqliteArticleWriter
{
    // Found by the URL's hash, the URL compared (migration 008).
    private const string HolderSql =
        "SELECT id FROM article WHERE web_url_hash = $Hash AND web_url = CAST($WebUrl AS TEXT) AND id <> $Id";

    private const string ProviderSql =
        "INSERT INTO provider (domain, name) VALUES (CAST($Domain AS TEXT), CAST($Name AS TEXT)) ON CONFLICT (domain) DO NOTHING";

    private const string StorySql = """
        INSERT INTO story (id, first_seen_at, last_seen_at, heat, heat_why) VALUES ($Story, $At, $At, $Heat, CAST($Why AS TEXT))
        ON CONFLICT (id) DO UPDATE SET first_seen_at = MIN(first_seen_at, excluded.first_seen_at),
            last_seen_at = MAX(last_seen_at, excluded.last_seen_at), heat = excluded.heat,
            heat_why = COALESCE(excluded.heat_why, heat_why)
        """;

    private const string StoryProvidersSql =
        "UPDATE story SET providers = (SELECT COUNT(DISTINCT provider_domain) FROM article WHERE story_id = $Story) WHERE id = $Story";

    // A story merged into another: its row goes once no article points at it (its heat history with it).
    private const string AbsorbedStorySql =
        "DELETE FROM story WHERE id = $Story AND NOT EXISTS (SELECT 1 FROM article WHERE story_id = $Story)";

    private static readonly string[] ArticleNames =
    [
        "Id", "Seq", "Category", "Title", "Excerpt", "PublishedAt", "OriginalUrl", "WebUrl", "WebUrlHash", "AmpWebUrl", "CdnAmpWebUrl", "Type", "Quality",
        "Heat", "Published", "ProviderDomain", "ProviderName", "SecuredCiphertext", "SecuredIv", "SecuredKeyId", "SecuredMac",
        "SecuredVerified", "Body", "Now", "Analysed", "Story", "Of", "Explain",
    ];

    // A new article gets the next import position ($Seq, counted by the writer), the end of the table (migration 007).
    private const string InsertArticleSql = """
        INSERT INTO article (id, seq, category, title, excerpt, published_at, original_url, web_url, web_url_hash, amp_web_url,
                             cdn_amp_web_url, type, quality, heat, published, provider_domain, provider_name, secured_ciphertext, secured_iv, secured_key_id,
                             secured_mac, secured_verified, body, story_id, duplicate_of, explain, first_seen_at, updated_at)
        VALUES ($Id, $Seq, CAST($Category AS TEXT), CAST($Title AS TEXT),
                CAST($Excerpt AS TEXT), $PublishedAt, CAST($OriginalUrl AS TEXT), CAST($WebUrl AS TEXT), $WebUrlHash,
                CAST($AmpWebUrl AS TEXT), CAST($CdnAmpWebUrl AS TEXT), $Type, $Quality, $Heat, $Published, CAST($ProviderDomain AS TEXT),
                CAST($ProviderName AS TEXT), $SecuredCiphertext, $SecuredIv, $SecuredKeyId, $SecuredMac, $SecuredVerified,
                CAST($Body AS TEXT), CASE WHEN $Analysed THEN $Story END, CASE WHEN $Analysed THEN $Of END,
                CASE WHEN $Analysed THEN CAST($Explain AS TEXT) END, $Now, $Now)
        """;

    // A known article keeps its import position and first-seen time. Without an analysis ($Analysed false) the stored
    // story, copy-of and explanation stay as they are.
    private const string UpdateArticleSql = """
        UPDATE article SET
            category = CAST($Category AS TEXT), title = CAST($Title AS TEXT), excerpt = CAST($Excerpt AS TEXT), published_at = $PublishedAt,
            original_url = CAST($OriginalUrl AS TEXT), web_url = CAST($WebUrl AS TEXT), web_url_hash = $WebUrlHash,
            amp_web_url = CAST($AmpWebUrl AS TEXT),
            cdn_amp_web_url = CAST($CdnAmpWebUrl AS TEXT), type = $Type, quality = $Quality, heat = $Heat, published = $Published,
            provider_domain = CAST($ProviderDomain AS TEXT), provider_name = CAST($ProviderName AS TEXT),
            secured_ciphertext = $SecuredCiphertext, secured_iv = $SecuredIv, secured_key_id = $SecuredKeyId, secured_mac = $SecuredMac,
            secured_verified = $SecuredVerified, body = CAST($Body AS TEXT), updated_at = $Now,
            story_id = CASE WHEN $Analysed THEN $Story ELSE story_id END,
            duplicate_of = CASE WHEN $Analysed THEN $Of ELSE duplicate_of END,
            explain = CASE WHEN $Analysed THEN CAST($Explain AS TEXT) ELSE explain END
        WHERE seq = $Seq AND id = $Id
        """;

    // A URL stays with the article that holds it already (migration 008: found by its hash, the URL compared).
    private const string UrlSql = """
        INSERT INTO article_url (url_hash, url, article_seq) SELECT $Hash, CAST($Url AS TEXT), $Seq
        WHERE NOT EXISTS (SELECT 1 FROM article_url WHERE url_hash = $Hash AND url = CAST($Url AS TEXT))
        """;

    private const string ImageSql = """
        INSERT INTO article_image (article_seq, position, url, width, height, is_cached)
        VALUES ($Seq, $Position, CAST($Url AS TEXT), $Width, $Height, $IsCached)
        """;

    private static readonly string[] RelatedNames =
        ["Seq", "Position", "Title", "Excerpt", "PublishedAt", "WebUrl", "AmpWebUrl", "CdnAmpWebUrl", "Type", "ProviderName", "ProviderDomain", "Quality"];

    private const string RelatedSql = """
        INSERT INTO related_snapshot (article_seq, position, title, excerpt, published_at, web_url, amp_web_url, cdn_amp_web_url,
                                      type, provider_name, provider_domain, quality)
        VALUES ($Seq, $Position, CAST($Title AS TEXT), CAST($Excerpt AS TEXT), $PublishedAt, CAST($WebUrl AS TEXT),
                CAST($AmpWebUrl AS TEXT), CAST($CdnAmpWebUrl AS TEXT), $Type, CAST($ProviderName AS TEXT),
                CAST($ProviderDomain AS TEXT), $Quality)
        """;

    private const string RelatedImageSql = """
        INSERT INTO related_snapshot_image (article_seq, related_position, position, url, width, height, is_cached)
        VALUES ($Seq, $Related, $Position, CAST($Url AS TEXT), $Width, $Height, $IsCached)
        """;
}

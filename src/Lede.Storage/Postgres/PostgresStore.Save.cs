using Dapper;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Npgsql;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

public sealed partial class PostgresStore
{
    public Task<SaveOutcome> SaveRecordAsync(ArticleId id, ArticleRecord record, CancellationToken ct)
        => SaveRecordAsync(id, record, seal: null, ct);

    public Task<SaveOutcome> SaveRecordAsync(ArticleId id, ArticleRecord record, SealedPayload? seal, CancellationToken ct)
        => SaveArticleAsync(new StoredRecord(id, record, seal), ct);

    public Task<SaveOutcome> SaveArticleAsync(StoredRecord article, CancellationToken ct)
    {
        Validate(article);
        // Run again after a lost commit answer, the save finds its own row unchanged: the earlier attempt's answer stands.
        SaveOutcome? earlier = null;
        return InTransactionAsync(async session =>
        {
            var outcome = await SaveAsync(session, article).ConfigureAwait(false);
            earlier = outcome == SaveOutcome.Unchanged && earlier is { } before ? before : outcome;
            return earlier.Value;
        }, ct);
    }

    public Task<IReadOnlyList<ArticleConflictException>> SaveArticlesAsync(IReadOnlyList<StoredRecord> articles, CancellationToken ct)
    {
        foreach (var article in articles)
        {
            Validate(article);
        }

        return InTransactionAsync<IReadOnlyList<ArticleConflictException>>(async session =>
        {
            if (await TrySaveBatchAsync(session, articles).ConfigureAwait(false))
            {
                return [];
            }

            // Collected afresh on each attempt: a retried transaction starts over.
            var conflicts = new List<ArticleConflictException>();
            foreach (var article in articles)
            {
                try
                {
                    await SaveAsync(session, article).ConfigureAwait(false);
                }
                catch (ArticleConflictException e)
                {
                    conflicts.Add(e);
                }
            }

            return conflicts;
        }, ct);
    }

    private static void Validate(StoredRecord article)
    {
        if (article.Seal is { } seal && seal.Value != article.Record.Secured)
        {
            throw new ArgumentException("the seal is for another secured value than the record's", nameof(article));
        }
    }

    /// <summary>Saves one article inside a savepoint: one that cannot be stored is rolled back alone and thrown.</summary>
    private static async Task<SaveOutcome> SaveAsync(PostgresSession session, StoredRecord article)
    {
        var (id, record, seal, analysis) = article;
        var key = id.ToInt64();
        var webUrl = T.Encode(record.WebUrl);
        // The lock orders two workers saving the same article; the read below then sees what the other wrote.
        using var read = await session.QueryMultipleAsync(
            $"""
            SAVEPOINT article;
            SELECT 1 FROM pg_advisory_xact_lock(@Id);
            SELECT id FROM article WHERE lede_key(web_url) = lede_key(@WebUrl) AND web_url = @WebUrl AND id <> @Id;
            {ArticleRow.Select} WHERE a.id = @Id;
            {Children.Sql("= @Id")}
            """,
            new { Id = key, WebUrl = webUrl }).ConfigureAwait(false);
        await read.ReadAsync().ConfigureAwait(false);
        var holder = (await read.ReadAsync<long>().ConfigureAwait(false)).ToList();
        var existing = (await read.ReadAsync<ArticleRow>().ConfigureAwait(false)).AsList();
        var children = await Children.ReadAsync(read).ConfigureAwait(false);
        if (holder.Count > 0)
        {
            await session.ExecuteAsync("ROLLBACK TO SAVEPOINT article; RELEASE SAVEPOINT article").ConfigureAwait(false);
            throw new ArticleConflictException(id, ArticleId.FromInt64(holder[0]), record.WebUrl);
        }

        if (existing.Count > 0 && existing[0].ToSeal() == seal && (analysis is null || existing[0].ToAnalysis() == analysis)
            && RecordWriter.Write(children.Assemble(existing)[0].Record) == RecordWriter.Write(record))
        {
            await session.ExecuteAsync("RELEASE SAVEPOINT article").ConfigureAwait(false);
            return SaveOutcome.Unchanged;
        }

        try
        {
            await session.ExecuteAsync(WriteSql(analysis is not null), WriteParameters.Of(key, record, seal, analysis)).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "article_web_url" })
        {
            // Another transaction took the webUrl after the check above: the same answer as if it had been first.
            await session.ExecuteAsync("ROLLBACK TO SAVEPOINT article; RELEASE SAVEPOINT article").ConfigureAwait(false);
            var other = await session.ScalarAsync<long>(
                "SELECT id FROM article WHERE lede_key(web_url) = lede_key(@WebUrl) AND web_url = @WebUrl", new { WebUrl = webUrl }).ConfigureAwait(false);
            throw new ArticleConflictException(id, ArticleId.FromInt64(other), record.WebUrl);
        }

        return existing.Count > 0 ? SaveOutcome.Updated : SaveOutcome.Inserted;
    }

    /// <summary>The statements that write an article and replace its children, sent as one round trip.</summary>
    private static string WriteSql(bool withAnalysis) => withAnalysis ? WriteWithAnalysisSql : WriteRecordSql;

    // The story first (the article's row points at it), then the article with its story, copy-of and explanation in
    // the same upsert (a second UPDATE would write the row, its search vector and its indexes again), then the
    // story's count of providers. The story keeps its first and last sighting and, like every member, the newest heat.
    // Stories merged into this one lose their rows once no article points at them.
    private static readonly string WriteWithAnalysisSql = $"""
        INSERT INTO story (id, first_seen_at, last_seen_at, heat, heat_why)
            SELECT @Story, @PublishedAt, @PublishedAt, @Heat, @HeatWhy WHERE @Story::bigint IS NOT NULL
        ON CONFLICT (id) DO UPDATE SET first_seen_at = LEAST(story.first_seen_at, excluded.first_seen_at),
            last_seen_at = GREATEST(story.last_seen_at, excluded.last_seen_at), heat = excluded.heat,
            heat_why = COALESCE(excluded.heat_why, story.heat_why);
        {UpsertSql(", story_id, duplicate_of, explain", ", @Story, @DuplicateOf, @Explain",
            ", story_id = excluded.story_id, duplicate_of = excluded.duplicate_of, explain = excluded.explain")}
        {ChildrenSql}
        UPDATE story SET providers = (SELECT COUNT(DISTINCT provider_domain) FROM article WHERE story_id = @Story) WHERE id = @Story;
        DELETE FROM story WHERE id = ANY(@Absorbed::bigint[]) AND NOT EXISTS (SELECT 1 FROM article WHERE story_id = story.id);
        RELEASE SAVEPOINT article;
        """;

    private static readonly string WriteRecordSql = $"""
        {UpsertSql("", "", "")}
        {ChildrenSql}
        RELEASE SAVEPOINT article;
        """;

    /// <summary>What an upsert of an article row sets when the article exists; the single and the batched upsert share it.</summary>
    private const string UpdateArticleSql = """
        category = excluded.category, title = excluded.title, excerpt = excluded.excerpt, published_at = excluded.published_at,
        original_url = excluded.original_url, web_url = excluded.web_url, amp_web_url = excluded.amp_web_url,
        cdn_amp_web_url = excluded.cdn_amp_web_url, type = excluded.type, quality = excluded.quality, heat = excluded.heat,
        published = excluded.published, provider_domain = excluded.provider_domain, provider_name = excluded.provider_name,
        secured_ciphertext = excluded.secured_ciphertext, secured_iv = excluded.secured_iv,
        secured_key_id = excluded.secured_key_id, secured_mac = excluded.secured_mac, secured_verified = excluded.secured_verified,
        body = excluded.body, search_topics = excluded.search_topics, updated_at = excluded.updated_at
        """;

    private static string UpsertSql(string columns, string values, string updates) => $"""
        INSERT INTO provider (domain, name) VALUES (@ProviderDomain, @ProviderName) ON CONFLICT (domain) DO NOTHING;
        INSERT INTO article (id, category, title, excerpt, published_at, original_url, web_url, amp_web_url, cdn_amp_web_url,
                             type, quality, heat, published, provider_domain, provider_name, secured_ciphertext, secured_iv,
                             secured_key_id, secured_mac, secured_verified, body, search_topics, first_seen_at, updated_at{columns})
        VALUES (@Id, @Category, @Title, @Excerpt, @PublishedAt, @OriginalUrl, @WebUrl, @AmpWebUrl, @CdnAmpWebUrl, @Type, @Quality,
                @Heat, @Published, @ProviderDomain, @ProviderName, @SecuredCiphertext, @SecuredIv, @SecuredKeyId, @SecuredMac,
                @SecuredVerified, @Body, @SearchTopics, now(), now(){values})
        ON CONFLICT (id) DO UPDATE SET {UpdateArticleSql}{updates};
        """;

    private const string ChildrenSql = """
        DELETE FROM article_topic WHERE article_id = @Id;
        DELETE FROM article_image WHERE article_id = @Id;
        DELETE FROM related_snapshot WHERE article_id = @Id;
        INSERT INTO topic (name) SELECT DISTINCT n FROM unnest(@Topics::text[]) AS n ON CONFLICT ((lede_key(name))) DO NOTHING;
        INSERT INTO article_topic (article_id, position, topic_id)
            SELECT @Id, x.p - 1, t.id FROM unnest(@Topics::text[]) WITH ORDINALITY AS x(n, p) JOIN topic t ON lede_key(t.name) = lede_key(x.n);
        INSERT INTO article_image (article_id, position, url, width, height, is_cached)
            SELECT @Id, x.p - 1, x.u, x.w, x.h, x.c
            FROM unnest(@ImageUrls::text[], @ImageWidths::integer[], @ImageHeights::integer[], @ImageCached::boolean[])
                 WITH ORDINALITY AS x(u, w, h, c, p);
        INSERT INTO related_snapshot (article_id, position, title, excerpt, published_at, web_url, amp_web_url, cdn_amp_web_url,
                                      type, provider_name, provider_domain, quality)
            SELECT @Id, x.p - 1, x.title, x.excerpt, x.at, x.web, x.amp, x.cdn, x.type, x.pname, x.pdomain, x.quality
            FROM unnest(@RelatedTitles::text[], @RelatedExcerpts::text[], @RelatedTimes::timestamptz[], @RelatedWebUrls::text[],
                        @RelatedAmpUrls::text[], @RelatedCdnUrls::text[], @RelatedTypes::text[], @RelatedProviderNames::text[],
                        @RelatedProviderDomains::text[], @RelatedQualities::integer[])
                 WITH ORDINALITY AS x(title, excerpt, at, web, amp, cdn, type, pname, pdomain, quality, p);
        INSERT INTO related_snapshot_image (article_id, related_position, position, url, width, height, is_cached)
            SELECT @Id, x.r, x.i, x.u, x.w, x.h, x.c
            FROM unnest(@RelatedImageOf::integer[], @RelatedImagePositions::integer[], @RelatedImageUrls::text[],
                        @RelatedImageWidths::integer[], @RelatedImageHeights::integer[], @RelatedImageCached::boolean[])
                 AS x(r, i, u, w, h, c);
        INSERT INTO article_url (url, article_id) SELECT DISTINCT u, @Id FROM unnest(@Urls::text[]) AS u
            ON CONFLICT ((lede_key(url))) DO NOTHING;
        """;
}

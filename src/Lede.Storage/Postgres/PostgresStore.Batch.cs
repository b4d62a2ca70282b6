using Lede.Records;
using Lede.Store;
using Npgsql;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

// A batch in a constant number of round trips instead of two per article, when it is plain: distinct ids and webUrls,
// none held by another article, all with an analysis or none. Anything else (and any unique violation a concurrent
// writer causes) goes one article at a time, which gives the same result.
public sealed partial class PostgresStore
{
    /// <summary>Saves the whole batch set-wise and returns true, or changes nothing and returns false.</summary>
    private static async Task<bool> TrySaveBatchAsync(PostgresSession session, IReadOnlyList<StoredRecord> articles)
    {
        var ids = articles.Select(a => a.Id.ToInt64()).ToArray();
        var webUrls = T.EncodeAll(articles.Select(a => a.Record.WebUrl));
        if (articles.Count < 2 || ids.Distinct().Count() != ids.Length || webUrls.Distinct(StringComparer.Ordinal).Count() != webUrls.Length)
        {
            return false;
        }

        // Locks in id order, so two workers saving overlapping batches wait for each other instead of deadlocking.
        using var read = await session.QueryMultipleAsync($"""
            SAVEPOINT batch;
            SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(id) FROM (SELECT unnest(@Ids::bigint[]) AS id ORDER BY 1) AS sorted) AS locked;
            SELECT COUNT(*) FROM article a JOIN unnest(@Ids::bigint[], @WebUrls::text[]) AS b(id, url)
                ON lede_key(a.web_url) = lede_key(b.url) AND a.web_url = b.url AND a.id <> b.id;
            {ArticleRow.Select} WHERE a.id = ANY(@Ids);
            {Children.Sql("= ANY(@Ids)")}
            """, new { Ids = ids, WebUrls = webUrls }).ConfigureAwait(false);
        await read.ReadAsync<long>().ConfigureAwait(false);
        var held = await read.ReadSingleAsync<long>().ConfigureAwait(false);
        var rows = (await read.ReadAsync<ArticleRow>().ConfigureAwait(false)).ToList();
        var children = await Children.ReadAsync(read).ConfigureAwait(false);
        if (held > 0)
        {
            await session.ExecuteAsync("RELEASE SAVEPOINT batch").ConfigureAwait(false);
            return false;
        }

        var existing = rows.Zip(children.Assemble(rows)).ToDictionary(p => p.First.Id);
        var changed = articles.Where(a => !existing.TryGetValue(a.Id.ToInt64(), out var stored)
            || stored.First.ToSeal() != a.Seal
            || (a.Analysis is not null && stored.First.ToAnalysis() != a.Analysis)
            || RecordWriter.Write(stored.Second.Record) != RecordWriter.Write(a.Record)).ToList();
        var withAnalysis = changed.Count(a => a.Analysis is not null);
        if (withAnalysis != 0 && withAnalysis != changed.Count)
        {
            await session.ExecuteAsync("RELEASE SAVEPOINT batch").ConfigureAwait(false);
            return false;
        }

        if (changed.Count > 0)
        {
            try
            {
                await session.ExecuteAsync(withAnalysis > 0 ? BatchWithAnalysisSql : BatchRecordSql, BatchParameters.Of(changed)).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await session.ExecuteAsync("ROLLBACK TO SAVEPOINT batch; RELEASE SAVEPOINT batch").ConfigureAwait(false);
                return false;
            }
        }

        await session.ExecuteAsync("RELEASE SAVEPOINT batch").ConfigureAwait(false);
        return true;
    }

    private static readonly string BatchWithAnalysisSql = $"""
        INSERT INTO story (id, first_seen_at, last_seen_at, heat, heat_why)
            SELECT * FROM unnest(@Stories::bigint[], @StoryFirsts::timestamptz[], @StoryLasts::timestamptz[], @StoryHeats::integer[], @StoryWhys::text[])
        ON CONFLICT (id) DO UPDATE SET first_seen_at = LEAST(story.first_seen_at, excluded.first_seen_at),
            last_seen_at = GREATEST(story.last_seen_at, excluded.last_seen_at), heat = excluded.heat,
            heat_why = COALESCE(excluded.heat_why, story.heat_why);
        {BatchUpsertSql(", story_id, duplicate_of, explain", ", x.story, x.dup, x.explain",
            ", story_id = excluded.story_id, duplicate_of = excluded.duplicate_of, explain = excluded.explain")}
        {BatchChildrenSql}
        UPDATE story SET providers = (SELECT COUNT(DISTINCT provider_domain) FROM article WHERE story_id = story.id) WHERE id = ANY(@Stories);
        DELETE FROM story WHERE id = ANY(@Absorbed::bigint[]) AND NOT EXISTS (SELECT 1 FROM article WHERE story_id = story.id);
        """;

    private static readonly string BatchRecordSql = $"""
        {BatchUpsertSql("", "", "")}
        {BatchChildrenSql}
        """;

    // ORDER BY the batch's order: new articles take their import positions (seq) in it.
    private static string BatchUpsertSql(string columns, string values, string updates) => $"""
        INSERT INTO provider (domain, name)
            SELECT DISTINCT ON (d) d, n FROM unnest(@ProviderDomains::text[], @ProviderNames::text[]) WITH ORDINALITY AS x(d, n, o) ORDER BY d, o
        ON CONFLICT (domain) DO NOTHING;
        INSERT INTO article (id, category, title, excerpt, published_at, original_url, web_url, amp_web_url, cdn_amp_web_url,
                             type, quality, heat, published, provider_domain, provider_name, secured_ciphertext, secured_iv,
                             secured_key_id, secured_mac, secured_verified, body, search_topics, first_seen_at, updated_at{columns})
            SELECT x.id, x.category, x.title, x.excerpt, x.at, x.original, x.web, x.amp, x.cdn, x.type, x.quality, x.heat, x.published,
                   x.pdomain, x.pname, x.cipher, x.iv, x.key, x.mac, x.verified, x.body, x.search, now(), now(){values}
            FROM unnest(@Ids::bigint[], @Categories::text[], @Titles::text[], @Excerpts::text[], @PublishedAts::timestamptz[],
                        @OriginalUrls::text[], @WebUrls::text[], @AmpWebUrls::text[], @CdnAmpWebUrls::text[], @Types::text[],
                        @Qualities::integer[], @Heats::integer[], @Publisheds::boolean[], @ProviderDomains::text[], @ProviderNames::text[],
                        @SecuredCiphertexts::text[], @SecuredIvs::text[], @SecuredKeyIds::text[], @SecuredMacs::text[],
                        @SecuredVerifieds::boolean[], @Bodies::text[], @SearchTopics::text[], @StoryIds::bigint[], @DuplicateOfs::bigint[],
                        @Explains::text[])
                 WITH ORDINALITY AS x(id, category, title, excerpt, at, original, web, amp, cdn, type, quality, heat, published,
                                      pdomain, pname, cipher, iv, key, mac, verified, body, search, story, dup, explain, o)
            ORDER BY x.o
        ON CONFLICT (id) DO UPDATE SET {UpdateArticleSql}{updates};
        """;

    // The first article of the batch to name a URL keeps it, as saving one by one would.
    private const string BatchChildrenSql = """
        DELETE FROM article_topic WHERE article_id = ANY(@Ids);
        DELETE FROM article_image WHERE article_id = ANY(@Ids);
        DELETE FROM related_snapshot WHERE article_id = ANY(@Ids);
        INSERT INTO topic (name) SELECT DISTINCT n FROM unnest(@TopicNames::text[]) AS n ON CONFLICT ((lede_key(name))) DO NOTHING;
        INSERT INTO article_topic (article_id, position, topic_id)
            SELECT x.a, x.p, t.id FROM unnest(@TopicOf::bigint[], @TopicPositions::integer[], @TopicNames::text[]) AS x(a, p, n)
            JOIN topic t ON lede_key(t.name) = lede_key(x.n);
        INSERT INTO article_image (article_id, position, url, width, height, is_cached)
            SELECT * FROM unnest(@ImageOf::bigint[], @ImagePositions::integer[], @ImageUrls::text[], @ImageWidths::integer[],
                                 @ImageHeights::integer[], @ImageCached::boolean[]);
        INSERT INTO related_snapshot (article_id, position, title, excerpt, published_at, web_url, amp_web_url, cdn_amp_web_url,
                                      type, provider_name, provider_domain, quality)
            SELECT * FROM unnest(@RelatedOf::bigint[], @RelatedPositions::integer[], @RelatedTitles::text[], @RelatedExcerpts::text[],
                                 @RelatedTimes::timestamptz[], @RelatedWebUrls::text[], @RelatedAmpUrls::text[], @RelatedCdnUrls::text[],
                                 @RelatedTypes::text[], @RelatedProviderNames::text[], @RelatedProviderDomains::text[],
                                 @RelatedQualities::integer[]);
        INSERT INTO related_snapshot_image (article_id, related_position, position, url, width, height, is_cached)
            SELECT * FROM unnest(@RelatedImageOf::bigint[], @RelatedImageRelated::integer[], @RelatedImagePositions::integer[],
                                 @RelatedImageUrls::text[], @RelatedImageWidths::integer[], @RelatedImageHeights::integer[],
                                 @RelatedImageCached::boolean[]);
        INSERT INTO article_url (url, article_id)
            SELECT DISTINCT ON (lede_key(x.u)) x.u, x.a FROM unnest(@Urls::text[], @UrlOf::bigint[]) WITH ORDINALITY AS x(u, a, o)
            ORDER BY lede_key(x.u), x.o
        ON CONFLICT ((lede_key(url))) DO NOTHING;
        """;
}

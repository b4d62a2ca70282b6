using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <value>Default: 1000 sealed payloads verified per read.</value>
    private const int VerifyBatch = 1000;

    /// <value>Default: 1000 payloads sealed before the article binding listed one by one.</value>
    private const int NoticesListed = 1000;

    // References the checks follow even though foreign keys cover most: a key can be dropped, or a load run with
    // triggers off (session_replication_role = replica), and then nothing else would notice.
    private static readonly (string Subject, string Sql, string Message)[] Orphans =
    [
        ("article", "SELECT a.id FROM article a WHERE NOT EXISTS (SELECT 1 FROM provider p WHERE p.domain = a.provider_domain)", "its provider row is missing"),
        ("article", "SELECT a.id FROM article a WHERE a.story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM story s WHERE s.id = a.story_id)", "its story is missing"),
        ("article", "SELECT a.id FROM article a WHERE a.duplicate_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM article o WHERE o.id = a.duplicate_of)", "the article it copies is missing"),
        ("article", "SELECT DISTINCT t.article_id FROM article_topic t WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.id = t.article_id)", "topics of a missing article"),
        ("article", "SELECT DISTINCT t.article_id FROM article_topic t WHERE NOT EXISTS (SELECT 1 FROM topic p WHERE p.id = t.topic_id)", "a topic it lists is missing"),
        ("article", "SELECT DISTINCT i.article_id FROM article_image i WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.id = i.article_id)", "images of a missing article"),
        ("article", "SELECT DISTINCT r.article_id FROM related_snapshot r WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.id = r.article_id)", "related entries of a missing article"),
        ("article", """
            SELECT DISTINCT i.article_id FROM related_snapshot_image i
            WHERE NOT EXISTS (SELECT 1 FROM related_snapshot r WHERE r.article_id = i.article_id AND r.position = i.related_position)
            """, "images of a missing related entry"),
        ("article", "SELECT DISTINCT u.article_id FROM article_url u WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.id = u.article_id)", "URLs of a missing article"),
        ("article", "SELECT DISTINCT d.article_id FROM decision d WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.id = d.article_id)", "decisions on a missing article"),
        ("story", "SELECT DISTINCT h.story_id FROM story_heat h WHERE NOT EXISTS (SELECT 1 FROM story s WHERE s.id = h.story_id)", "heat history of a missing story"),
    ];

    public Task<IReadOnlyList<StoreProblem>> CheckAsync(KeyRing? keys, CancellationToken ct)
        => InTransactionAsync<IReadOnlyList<StoreProblem>>(async s =>
        {
            var problems = new List<StoreProblem>();
            var version = await s.ScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").ConfigureAwait(false);
            if (version != PostgresMigrator.Scripts[^1].Version)
            {
                problems.Add(new StoreProblem("schema", $"database {Where}",
                    $"schema version {version}, this Lede expects {PostgresMigrator.Scripts[^1].Version}"));
            }

            foreach (var index in await s.QueryAsync<string>("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid OR NOT indisready").ConfigureAwait(false))
            {
                problems.Add(new StoreProblem("integrity", $"index {index}", "invalid (a failed build): rebuild it with REINDEX"));
            }

            foreach (var (subject, sql, message) in Orphans)
            {
                foreach (var id in await s.QueryAsync<long>(sql).ConfigureAwait(false))
                {
                    problems.Add(new StoreProblem("orphan", Subject(subject, id), message));
                }
            }

            await CheckRelatedAsync(s, problems).ConfigureAwait(false);
            await CheckSearchAsync(s, problems).ConfigureAwait(false);
            await CheckSecuredAsync(s, keys, problems).ConfigureAwait(false);
            return problems;
        }, ct);

    private static string Subject(string kind, long id) => kind == "article" ? $"article {ArticleId.FromInt64(id)}" : $"{kind} {id}";

    /// <summary>A stored article that lists another stored article among its related must be listed back.</summary>
    private static async Task CheckRelatedAsync(PostgresSession s, List<StoreProblem> problems)
    {
        var rows = await s.QueryAsync<(long Id, string WebUrl, long Other)>("""
            SELECT a.id, r.web_url, b.id
            FROM related_snapshot r
            JOIN article a ON a.id = r.article_id
            JOIN article b ON lede_key(b.web_url) = lede_key(r.web_url) AND b.web_url = r.web_url AND b.id <> a.id
            WHERE NOT EXISTS (SELECT 1 FROM related_snapshot back WHERE back.article_id = b.id AND back.web_url = a.web_url)
            ORDER BY a.seq, r.position
            """).ConfigureAwait(false);
        foreach (var (id, webUrl, other) in rows)
        {
            problems.Add(new StoreProblem("related", Subject("article", id),
                $"lists {T.Decode(webUrl)} (article {ArticleId.FromInt64(other)}), which does not list it back"));
        }
    }

    /// <summary>The search index (article_search, migrations 004 and 005) holds each article's search vector with its pairs and filter fields, and nothing else.</summary>
    private static async Task CheckSearchAsync(PostgresSession s, List<StoreProblem> problems)
    {
        var rows = await s.QueryAsync<(long Id, bool Stored, bool Indexed)>("""
            SELECT COALESCE(a.id, x.id), a.seq IS NOT NULL, x.seq IS NOT NULL
            FROM article a FULL JOIN article_search x ON x.seq = a.seq
            WHERE a.seq IS NULL OR x.seq IS NULL OR x.id <> a.id OR x.published_at <> a.published_at OR x.published <> a.published
               OR x.search IS DISTINCT FROM lede_search_vector(a.search)
            ORDER BY COALESCE(a.seq, x.seq)
            """).ConfigureAwait(false);
        foreach (var (id, stored, indexed) in rows)
        {
            problems.Add(new StoreProblem("search", Subject("article", id), (stored, indexed) switch
            {
                (true, false) => "missing from the search index (article_search)",
                (false, _) => "in the search index but not stored",
                _ => "its search index entry differs from its text",
            }));
        }
    }

    /// <summary>Every payload Lede sealed carries its key id and MAC; with keys, each one verifies and opens; one sealed before the article binding is a notice.</summary>
    private static async Task CheckSecuredAsync(PostgresSession s, KeyRing? keys, List<StoreProblem> problems)
    {
        foreach (var id in await s.QueryAsync<long>("""
            SELECT id FROM article
            WHERE secured_verified AND (secured_ciphertext IS NULL OR secured_key_id IS NULL OR secured_mac IS NULL) ORDER BY seq
            """).ConfigureAwait(false))
        {
            problems.Add(new StoreProblem("secured", Subject("article", id), "marked sealed by Lede but has no key id or MAC"));
        }

        var box = keys is null ? null : new SecuredBox(keys);
        var after = long.MinValue;
        var noticed = 0;
        while (true)
        {
            var rows = await s.QueryAsync<(long Id, string Ciphertext, string Iv, string KeyId, string Mac)>($"""
                SELECT id, secured_ciphertext, secured_iv, secured_key_id, secured_mac FROM article
                WHERE secured_verified AND secured_ciphertext IS NOT NULL AND secured_key_id IS NOT NULL AND secured_mac IS NOT NULL
                  AND id > @After{(box is null ? $" AND secured_mac NOT LIKE '{SealedPayload.BoundMacPrefix}%'" : "")}
                ORDER BY id LIMIT {VerifyBatch}
                """, new { After = after }).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var seal = new SealedPayload(new SecuredValue(T.Decode(row.Ciphertext), T.Decode(row.Iv)), T.Decode(row.KeyId), T.Decode(row.Mac));
                try
                {
                    // Open checks the MAC before it decrypts; decrypting too proves the payload is one Lede can show.
                    box?.Open(ArticleId.FromInt64(row.Id), seal);
                    // Listed up to a cap, then counted in one line: a store sealed before the binding may hold millions.
                    if (!seal.IsBound && ++noticed <= NoticesListed)
                    {
                        problems.Add(StoreProblem.SealedBeforeIdBinding(Subject("article", row.Id)));
                    }
                }
                catch (SecuredPayloadException e)
                {
                    problems.Add(new StoreProblem("secured", Subject("article", row.Id), e.Message));
                }
            }

            if (rows.Count < VerifyBatch)
            {
                if (noticed > NoticesListed)
                {
                    problems.Add(new StoreProblem("secured", "database", $"{noticed - NoticesListed} more payloads sealed before id binding") { IsNotice = true });
                }

                return;
            }

            after = rows[^1].Id;
        }
    }

    public Task<int> SchemaVersionAsync(CancellationToken ct)
        => InTransactionAsync(s => s.ScalarAsync<int>("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), ct);
}

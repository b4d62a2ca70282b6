using Dapper;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

// Every text parameter below is written CAST(@P AS TEXT): see SqliteText for why.
public sealed partial class SqliteStore
{
    public Task<SaveOutcome> SaveRecordAsync(ArticleId id, ArticleRecord record, CancellationToken ct)
        => SaveRecordAsync(id, record, seal: null, ct);

    public Task<SaveOutcome> SaveRecordAsync(ArticleId id, ArticleRecord record, SealedPayload? seal, CancellationToken ct)
        => SaveArticleAsync(new StoredRecord(id, record, seal), ct);

    public Task<SaveOutcome> SaveArticleAsync(StoredRecord article, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        // IMMEDIATE takes the write lock up front, so the read-compare-write below cannot interleave with another writer.
        using var tx = connection.BeginTransaction(deferred: false);
        var outcome = Save(article, tx);
        tx.Commit();
        return Task.FromResult(outcome);
    }

    public Task<IReadOnlyList<ArticleConflictException>> SaveArticlesAsync(IReadOnlyList<StoredRecord> articles, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var conflicts = new List<ArticleConflictException>();
        using var connection = Connect();
        using var tx = connection.BeginTransaction(deferred: false);
        foreach (var article in articles)
        {
            // A savepoint per article: one that cannot be stored leaves the others in the batch.
            connection.Execute("SAVEPOINT article", transaction: tx);
            try
            {
                Save(article, tx);
                connection.Execute("RELEASE article", transaction: tx);
            }
            catch (ArticleConflictException e)
            {
                connection.Execute("ROLLBACK TO article; RELEASE article", transaction: tx);
                conflicts.Add(e);
            }
        }

        tx.Commit();
        return Task.FromResult<IReadOnlyList<ArticleConflictException>>(conflicts);
    }

    private SaveOutcome Save(StoredRecord article, SqliteTransaction tx)
    {
        var connection = tx.Connection!;
        var (id, record, seal, analysis) = article;
        if (seal is not null && seal.Value != record.Secured)
        {
            throw new ArgumentException("the seal is for another secured value than the record's", nameof(article));
        }

        var key = id.ToInt64();
        var holder = connection.ExecuteScalar<long?>(
            "SELECT id FROM article WHERE web_url = CAST(@WebUrl AS TEXT) AND id <> @Id",
            SqliteText.Parameters(new { record.WebUrl, Id = key }), tx);
        if (holder is { } other)
        {
            throw new ArticleConflictException(id, ArticleId.FromInt64(other), record.WebUrl);
        }

        var existing = connection.Query<ArticleRow>($"{ArticleRow.Select} WHERE id = @Id", new { Id = key }, tx).AsList();
        if (existing.Count > 0 && existing[0].ToSeal() == seal && (analysis is null || existing[0].ToAnalysis() == analysis)
            && RecordWriter.Write(Assemble(connection, existing, tx)[0].Record) == RecordWriter.Write(record))
        {
            return SaveOutcome.Unchanged;
        }

        var now = StoredTime.Format(DateTime.UtcNow);
        Execute(
            "INSERT INTO provider (domain, name) VALUES (CAST(@Domain AS TEXT), CAST(@Name AS TEXT)) ON CONFLICT (domain) DO NOTHING",
            new { record.Provider.Domain, record.Provider.Name }, tx);
        Execute(UpsertArticle, ArticleParameters(key, record, seal, now), tx);
        ReplaceChildren(key, record, tx);
        IndexForSearch(key, tx);
        RememberUrls(key, record, tx);
        if (analysis is not null)
        {
            SaveAnalysis(key, record, analysis, now, tx);
        }

        return existing.Count > 0 ? SaveOutcome.Updated : SaveOutcome.Inserted;
    }

    private const string UpsertArticle = """
        INSERT INTO article (id, seq, category, title, excerpt, published_at, original_url, web_url, amp_web_url, cdn_amp_web_url,
                             type, quality, heat, published, provider_domain, provider_name, secured_ciphertext, secured_iv, secured_key_id,
                             secured_mac, secured_verified, body, first_seen_at, updated_at)
        VALUES (@Id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM article), CAST(@Category AS TEXT), CAST(@Title AS TEXT),
                CAST(@Excerpt AS TEXT), @PublishedAt, CAST(@OriginalUrl AS TEXT), CAST(@WebUrl AS TEXT), CAST(@AmpWebUrl AS TEXT),
                CAST(@CdnAmpWebUrl AS TEXT), @Type, @Quality, @Heat, @Published, CAST(@ProviderDomain AS TEXT),
                CAST(@ProviderName AS TEXT), @SecuredCiphertext, @SecuredIv, @SecuredKeyId, @SecuredMac, @SecuredVerified,
                CAST(@Body AS TEXT), @Now, @Now)
        ON CONFLICT (id) DO UPDATE SET
            category = excluded.category, title = excluded.title, excerpt = excluded.excerpt, published_at = excluded.published_at,
            original_url = excluded.original_url, web_url = excluded.web_url, amp_web_url = excluded.amp_web_url,
            cdn_amp_web_url = excluded.cdn_amp_web_url, type = excluded.type, quality = excluded.quality, heat = excluded.heat,
            published = excluded.published, provider_domain = excluded.provider_domain, provider_name = excluded.provider_name,
            secured_ciphertext = excluded.secured_ciphertext, secured_iv = excluded.secured_iv,
            secured_key_id = excluded.secured_key_id, secured_mac = excluded.secured_mac, secured_verified = excluded.secured_verified,
            body = excluded.body, updated_at = excluded.updated_at
        """;

    private static object ArticleParameters(long key, ArticleRecord r, SealedPayload? seal, string now) => new
    {
        Id = key,
        r.Category,
        r.Title,
        r.Excerpt,
        PublishedAt = StoredTime.Format(r.PublishedDateTime),
        r.OriginalUrl,
        r.WebUrl,
        r.AmpWebUrl,
        r.CdnAmpWebUrl,
        Type = StoredType.Format(r.Type),
        r.Quality,
        r.Heat,
        r.Published,
        ProviderDomain = r.Provider.Domain,
        ProviderName = r.Provider.Name,
        SecuredCiphertext = r.Secured?.Ciphertext,
        SecuredIv = r.Secured?.Iv,
        SecuredKeyId = seal?.KeyId,
        SecuredMac = seal?.Mac,
        SecuredVerified = seal is not null,
        r.Body,
        Now = now,
    };

    /// <summary>Adds the record's URLs to the ones its article is known by; a URL another article already holds stays with it.</summary>
    private void RememberUrls(long key, ArticleRecord record, SqliteTransaction tx)
    {
        foreach (var url in new[] { record.WebUrl, record.OriginalUrl, record.AmpWebUrl }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            Execute("INSERT INTO article_url (url, article_id) VALUES (CAST(@Url AS TEXT), @Id) ON CONFLICT (url) DO NOTHING", new { Url = url, Id = key }, tx);
        }
    }

    private void ReplaceChildren(long key, ArticleRecord record, SqliteTransaction tx)
    {
        var article = new { Id = key };
        tx.Connection!.Execute("DELETE FROM article_topic WHERE article_id = @Id", article, tx);
        tx.Connection!.Execute("DELETE FROM article_image WHERE article_id = @Id", article, tx);
        tx.Connection!.Execute("DELETE FROM related_snapshot WHERE article_id = @Id", article, tx);

        for (var i = 0; i < record.Topics.Count; i++)
        {
            var topic = new { Id = key, Position = i, Name = record.Topics[i] };
            Execute("INSERT INTO topic (name) VALUES (CAST(@Name AS TEXT)) ON CONFLICT (name) DO NOTHING", topic, tx);
            Execute(
                "INSERT INTO article_topic (article_id, position, topic_id) SELECT @Id, @Position, id FROM topic WHERE name = CAST(@Name AS TEXT)",
                topic, tx);
        }

        for (var i = 0; i < record.Images.Count; i++)
        {
            var image = record.Images[i];
            Execute(
                "INSERT INTO article_image (article_id, position, url, width, height, is_cached) VALUES (@Id, @Position, CAST(@Url AS TEXT), @Width, @Height, @IsCached)",
                new { Id = key, Position = i, image.Url, image.Width, image.Height, image.IsCached }, tx);
        }

        for (var i = 0; i < record.Related.Count; i++)
        {
            InsertRelated(key, i, record.Related[i], tx);
        }
    }

    private void InsertRelated(long key, int position, RelatedEntry r, SqliteTransaction tx)
    {
        Execute("""
            INSERT INTO related_snapshot (article_id, position, title, excerpt, published_at, web_url, amp_web_url, cdn_amp_web_url,
                                          type, provider_name, provider_domain, quality)
            VALUES (@Id, @Position, CAST(@Title AS TEXT), CAST(@Excerpt AS TEXT), @PublishedAt, CAST(@WebUrl AS TEXT),
                    CAST(@AmpWebUrl AS TEXT), CAST(@CdnAmpWebUrl AS TEXT), @Type, CAST(@ProviderName AS TEXT),
                    CAST(@ProviderDomain AS TEXT), @Quality)
            """,
            new
            {
                Id = key,
                Position = position,
                r.Title,
                r.Excerpt,
                PublishedAt = StoredTime.Format(r.PublishedDateTime),
                r.WebUrl,
                r.AmpWebUrl,
                r.CdnAmpWebUrl,
                Type = StoredType.Format(r.Type),
                ProviderName = r.Provider.Name,
                ProviderDomain = r.Provider.Domain,
                r.Quality,
            },
            tx);
        for (var i = 0; i < r.Images.Count; i++)
        {
            var image = r.Images[i];
            Execute("""
                INSERT INTO related_snapshot_image (article_id, related_position, position, url, width, height, is_cached)
                VALUES (@Id, @Related, @Position, CAST(@Url AS TEXT), @Width, @Height, @IsCached)
                """,
                new { Id = key, Related = position, Position = i, image.Url, image.Width, image.Height, image.IsCached }, tx);
        }
    }

    /// <summary>Writes the article's story, copy-of and explanation, keeping its story's row up to date.</summary>
    private void SaveAnalysis(long key, ArticleRecord record, ArticleAnalysis analysis, string now, SqliteTransaction tx)
    {
        if (analysis.StoryId is { } story)
        {
            var at = StoredTime.Format(record.PublishedDateTime);
            Execute("""
                INSERT INTO story (id, first_seen_at, last_seen_at, heat, heat_why) VALUES (@Story, @At, @At, @Heat, CAST(@Why AS TEXT))
                ON CONFLICT (id) DO UPDATE SET first_seen_at = MIN(first_seen_at, excluded.first_seen_at),
                    last_seen_at = MAX(last_seen_at, excluded.last_seen_at), heat = excluded.heat,
                    heat_why = COALESCE(excluded.heat_why, heat_why)
                """, new { Story = story, At = at, record.Heat, Why = analysis.StoryHeatWhy }, tx);
        }

        Execute(
            "UPDATE article SET story_id = @Story, duplicate_of = @Of, explain = CAST(@Explain AS TEXT), updated_at = @Now WHERE id = @Id",
            new { Id = key, Story = analysis.StoryId, Of = analysis.DuplicateOf?.ToInt64(), analysis.Explain, Now = now }, tx);
        if (analysis.StoryId is { } member)
        {
            Execute(
                "UPDATE story SET providers = (SELECT COUNT(DISTINCT provider_domain) FROM article WHERE story_id = @Story) WHERE id = @Story",
                new { Story = member }, tx);
        }
    }

    private void Execute(string sql, object values, SqliteTransaction tx)
        => tx.Connection!.Execute(sql, SqliteText.Parameters(values), tx);
}

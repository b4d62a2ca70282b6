using Dapper;
using Lede.Normalize;
using Lede.Storage.Postgres;
using Lede.Store;

namespace Lede.Storage.Tests;

public sealed class PostgresCheckContractTests : CheckContractTests, IDisposable
{
    private PostgresDatabase? _database;

    protected override Task<IStore> OpenAsync()
    {
        _database = PostgresDatabase.Create();
        return Task.FromResult<IStore>(PostgresStore.Open(_database.ConnectionString));
    }

    public void Dispose() => _database?.Dispose();

    protected override Task<bool> DamageAsync(Damage damage, ArticleId target)
    {
        var sql = damage switch
        {
            Damage.TopicOfMissingArticle => "INSERT INTO article_topic (article_id, position, topic_id) VALUES (999, 0, (SELECT MIN(id) FROM topic))",
            Damage.UrlOfMissingArticle => "INSERT INTO article_url (url, article_id) VALUES ('https://gone.example/', 999)",
            Damage.ImageOfMissingArticle => "INSERT INTO article_image (article_id, position, url, is_cached) VALUES (999, 0, 'https://gone.example/a.jpg', false)",
            Damage.DecisionOfMissingArticle => "INSERT INTO decision (article_id, decided_by, decided_at, published) VALUES (999, 'editor', now(), true)",
            Damage.StoryMissing => "UPDATE article SET story_id = 999 WHERE id = @T",
            Damage.RelatedNotReturned => """
                DELETE FROM related_snapshot WHERE web_url = (SELECT web_url FROM article WHERE id = @T)
                AND article_id IN (SELECT b.id FROM related_snapshot r JOIN article b ON b.web_url = r.web_url WHERE r.article_id = @T)
                """,
            Damage.MacRemoved => "UPDATE article SET secured_mac = NULL WHERE id = @T",
            Damage.KeyIdRemoved => "UPDATE article SET secured_key_id = NULL WHERE id = @T",
            Damage.CiphertextTampered => """
                UPDATE article SET secured_ciphertext =
                    CASE WHEN left(secured_ciphertext, 1) = 'A' THEN 'B' ELSE 'A' END || substr(secured_ciphertext, 2)
                WHERE id = @T
                """,
            Damage.PayloadsSwapped => """
                UPDATE article a SET secured_ciphertext = o.secured_ciphertext, secured_iv = o.secured_iv, secured_key_id = o.secured_key_id,
                                     secured_mac = o.secured_mac
                FROM article o WHERE a.id IN (@T, @S) AND o.id IN (@T, @S) AND o.id <> a.id
                """,
            Damage.SearchEntryMissing => "DELETE FROM article_search WHERE id = @T",
            Damage.SearchEntryStale => "UPDATE article_search SET search = to_tsvector('english', 'other words') WHERE id = @T",
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
        if (sql is null)
        {
            return Task.FromResult(false);
        }

        // Foreign keys off for this session, as a careless tool (or a restore without constraints) would have it.
        using var connection = _database!.Connect();
        connection.Execute($"SET session_replication_role = replica; {sql}", new { T = target.ToInt64(), S = Second.ToInt64() });
        return Task.FromResult(true);
    }
}

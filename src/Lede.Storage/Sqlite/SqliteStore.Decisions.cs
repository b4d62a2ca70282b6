using Dapper;
using Lede.Decide;
using Lede.Normalize;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public Task<bool> SaveDecisionAsync(ArticleId id, EditorDecision decision, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            using var connection = Connect();
            using var tx = connection.BeginTransaction(deferred: false);
            var values = new
            {
                Id = id.ToInt64(),
                decision.Editor,
                At = StoredTime.Format(decision.At),
                decision.Published,
                Why = decision.Why,
                Action = decision.Action.ToString().ToLowerInvariant(),
                Now = StoredTime.Format(DateTime.UtcNow),
            };
            // The published flag is a search facet: out of the index with the old value, back in with the new.
            connection.Execute(UnindexSql, new { values.Id }, tx);
            var changed = connection.Execute(
                "UPDATE article SET published = @Published, updated_at = @Now WHERE id = @Id", SqliteText.Parameters(values), tx);
            if (changed == 0)
            {
                return Task.FromResult(false);
            }

            connection.Execute(IndexSql, new { values.Id }, tx);

            connection.Execute("""
                INSERT INTO decision (article_id, decided_by, decided_at, published, reason, action)
                VALUES (@Id, CAST(@Editor AS TEXT), @At, @Published, CAST(@Why AS TEXT), @Action)
                """, SqliteText.Parameters(values), tx);
            tx.Commit();
            return Task.FromResult(true);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Full)
        {
            throw Filled(e);
        }
    }

    public Task<IReadOnlyList<EditorDecision>> ReadDecisionsAsync(ArticleId id, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        var rows = connection.Query<(string Action, string DecidedBy, string DecidedAt, string? Reason)>(
            "SELECT action, decided_by, decided_at, reason FROM decision WHERE article_id = @Id AND action IS NOT NULL ORDER BY id",
            new { Id = id.ToInt64() });
        return Task.FromResult<IReadOnlyList<EditorDecision>>(rows
            .Select(r => new EditorDecision(Enum.Parse<EditorAction>(r.Action, ignoreCase: true), r.DecidedBy, StoredTime.Parse(r.DecidedAt), r.Reason))
            .ToList());
    }

    public Task<IReadOnlyDictionary<string, ProviderDecisions>> ReadProviderDecisionsAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        // Each article counts once, by its newest editor decision.
        var rows = connection.Query<(string Domain, int Published, int Rejected)>("""
            SELECT a.provider_domain, SUM(d.action = 'publish'), SUM(d.action = 'reject')
            FROM decision d JOIN article a ON a.id = d.article_id
            WHERE d.id = (SELECT MAX(id) FROM decision WHERE article_id = d.article_id AND action IS NOT NULL)
            GROUP BY a.provider_domain
            """);
        return Task.FromResult<IReadOnlyDictionary<string, ProviderDecisions>>(
            rows.ToDictionary(r => r.Domain, r => new ProviderDecisions(r.Published, r.Rejected), StringComparer.Ordinal));
    }
}

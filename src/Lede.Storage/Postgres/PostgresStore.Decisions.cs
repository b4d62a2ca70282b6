using Lede.Decide;
using Lede.Normalize;
using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

public sealed partial class PostgresStore
{
    public Task<bool> SaveDecisionAsync(ArticleId id, EditorDecision decision, CancellationToken ct)
    {
        // Drawn once per call: a run again after a lost commit answer finds its own decision and adds none.
        var request = Guid.NewGuid();
        return InTransactionAsync(async s => await s.ScalarAsync<bool>(
            """
            WITH changed AS (UPDATE article SET published = @Published, updated_at = now() WHERE id = @Id RETURNING id),
            recorded AS (
                INSERT INTO decision (article_id, decided_by, decided_at, published, reason, action, request_id)
                SELECT id, @Editor, @At, @Published, @Why, @Action, @Request FROM changed
                ON CONFLICT (request_id) WHERE request_id IS NOT NULL DO NOTHING)
            SELECT EXISTS (SELECT 1 FROM changed)
            """,
            new
            {
                Id = id.ToInt64(),
                Editor = T.Encode(decision.Editor),
                At = PostgresTime.Write(decision.At),
                decision.Published,
                Why = T.Encode(decision.Why),
                Action = decision.Action.ToString().ToLowerInvariant(),
                Request = request,
            }).ConfigureAwait(false), ct);
    }

    public Task<IReadOnlyList<EditorDecision>> ReadDecisionsAsync(ArticleId id, CancellationToken ct)
        => InTransactionAsync<IReadOnlyList<EditorDecision>>(async s =>
        {
            var rows = await s.QueryAsync<(string Action, string DecidedBy, DateTime DecidedAt, string? Reason)>(
                "SELECT action, decided_by, decided_at, reason FROM decision WHERE article_id = @Id AND action IS NOT NULL ORDER BY id",
                new { Id = id.ToInt64() }).ConfigureAwait(false);
            return rows.ConvertAll(r => new EditorDecision(
                Enum.Parse<EditorAction>(r.Action, ignoreCase: true), T.Decode(r.DecidedBy), PostgresTime.Read(r.DecidedAt), T.Decode(r.Reason)));
        }, ct);

    public Task<IReadOnlyDictionary<string, ProviderDecisions>> ReadProviderDecisionsAsync(CancellationToken ct)
        => InTransactionAsync<IReadOnlyDictionary<string, ProviderDecisions>>(async s =>
        {
            // Each article counts once, by its newest editor decision.
            var rows = await s.QueryAsync<(string Domain, long Published, long Rejected)>("""
                SELECT a.provider_domain, COUNT(*) FILTER (WHERE d.action = 'publish'), COUNT(*) FILTER (WHERE d.action = 'reject')
                FROM decision d JOIN article a ON a.id = d.article_id
                WHERE d.id = (SELECT MAX(id) FROM decision WHERE article_id = d.article_id AND action IS NOT NULL)
                GROUP BY a.provider_domain
                """).ConfigureAwait(false);
            return rows.ToDictionary(r => T.Decode(r.Domain), r => new ProviderDecisions((int)r.Published, (int)r.Rejected), StringComparer.Ordinal);
        }, ct);
}

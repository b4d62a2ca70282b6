using Lede.Sources;
using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

/// <remarks>Leases are timed by the server's clock (<c>now()</c>), so workers whose clocks disagree still agree on them.</remarks>
public sealed partial class PostgresStore : IWorkQueue
{
    public Task<IReadOnlyList<Source>> ClaimSourcesAsync(string owner, DateTime now, TimeSpan lease, int max, CancellationToken ct)
        => InTransactionAsync<IReadOnlyList<Source>>(async s =>
        {
            var ids = await s.QueryAsync<long>(
                """
                UPDATE source SET lease_owner = @Owner, lease_until = now() + make_interval(secs => @Seconds)
                WHERE id IN (SELECT id FROM source
                             WHERE disabled_at IS NULL AND (next_due_at IS NULL OR next_due_at <= @Now)
                               AND (lease_until IS NULL OR lease_until < now() OR lease_owner = @Owner)
                             ORDER BY next_due_at NULLS FIRST, id
                             LIMIT @Max
                             FOR UPDATE SKIP LOCKED)
                RETURNING id
                """,
                new { Owner = T.Encode(owner), Seconds = lease.TotalSeconds, Now = PostgresTime.Write(now), Max = max }).ConfigureAwait(false);
            var rows = await s.QueryAsync<SourceRow>($"{SourceRow.Select} WHERE id = ANY(@Ids) ORDER BY next_due_at NULLS FIRST, id", new { Ids = ids.ToArray() })
                .ConfigureAwait(false);
            return rows.ConvertAll(r => r.ToSource());
        }, ct);

    public async Task FinishSourceAsync(long id, string owner, SourceState state, string? url, CancellationToken ct)
    {
        await SaveSourceStateAsync(id, state, url, ct).ConfigureAwait(false);
        // A second transaction: a worker dying between the two leaves a claim that lapses by itself.
        await InTransactionAsync(s => s.ExecuteAsync(
            "UPDATE source SET lease_owner = NULL, lease_until = NULL WHERE id = @Id AND lease_owner = @Owner",
            new { Id = id, Owner = T.Encode(owner) }), ct).ConfigureAwait(false);
    }

    public Task<int> EnqueuePagesAsync(long sourceId, IReadOnlyList<(string Link, string Item)> pages, CancellationToken ct)
    {
        if (pages.Count == 0)
        {
            return Task.FromResult(0);
        }

        // Run again after a lost commit answer, every link is already queued: the earlier attempt's count stands.
        var queued = 0;
        return InTransactionAsync(async s =>
        {
            var now = await s.ExecuteAsync(
                """
                INSERT INTO page_queue (source_id, link, item)
                SELECT @SourceId, link, item FROM unnest(@Links, @Items) AS page(link, item)
                ON CONFLICT ((lede_key(link))) DO NOTHING
                """,
                new
                {
                    SourceId = sourceId,
                    Links = pages.Select(p => T.Encode(p.Link)).ToArray(),
                    Items = pages.Select(p => T.Encode(p.Item)).ToArray(),
                }).ConfigureAwait(false);
            return queued = now > 0 ? now : queued;
        }, ct);
    }

    public Task<IReadOnlyList<QueuedPage>> ClaimPagesAsync(string owner, TimeSpan lease, int max, CancellationToken ct)
        => InTransactionAsync<IReadOnlyList<QueuedPage>>(async s =>
        {
            var rows = await s.QueryAsync<QueuedPageRow>(
                """
                UPDATE page_queue SET lease_owner = @Owner, lease_until = now() + make_interval(secs => @Seconds)
                WHERE id IN (SELECT id FROM page_queue
                             WHERE lease_until IS NULL OR lease_until < now() OR lease_owner = @Owner
                             ORDER BY id
                             LIMIT @Max
                             FOR UPDATE SKIP LOCKED)
                RETURNING id, source_id, link, item
                """,
                new { Owner = T.Encode(owner), Seconds = lease.TotalSeconds, Max = max }).ConfigureAwait(false);
            return rows.OrderBy(r => r.Id).Select(r => new QueuedPage(r.Id, r.SourceId ?? 0, T.Decode(r.Link), T.Decode(r.Item))).ToList();
        }, ct);

    public Task CompletePagesAsync(IReadOnlyList<long> ids, CancellationToken ct)
        => ids.Count == 0
            ? Task.CompletedTask
            : InTransactionAsync(s => s.ExecuteAsync("DELETE FROM page_queue WHERE id = ANY(@Ids)", new { Ids = ids.ToArray() }), ct);

    public Task<long?> TryTakeLeaseAsync(string name, string owner, TimeSpan lease, CancellationToken ct)
    {
        // Drawn once per call: run again after a lost commit answer, the take finds its own token and moves no turn.
        var token = Guid.NewGuid();
        return InTransactionAsync(s => s.ScalarAsync<long?>(
            """
            INSERT INTO work_lease AS held (name, owner, until, turn, token)
                VALUES (@Name, @Owner, now() + make_interval(secs => @Seconds), 1, @Token)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until, token = excluded.token,
                turn = CASE WHEN held.token = excluded.token THEN held.turn ELSE held.turn + 1 END
                WHERE held.owner = excluded.owner OR held.until < now()
            RETURNING turn - 1
            """,
            new { Name = T.Encode(name), Owner = T.Encode(owner), Seconds = lease.TotalSeconds, Token = token }), ct);
    }

    public Task<bool> RenewLeaseAsync(string name, string owner, TimeSpan lease, CancellationToken ct)
        => InTransactionAsync(async s => await s.ExecuteAsync(
            // Still this owner's: nobody took a turn since, even if it lapsed for a moment.
            "UPDATE work_lease SET until = now() + make_interval(secs => @Seconds) WHERE name = @Name AND owner = @Owner",
            new { Name = T.Encode(name), Owner = T.Encode(owner), Seconds = lease.TotalSeconds }).ConfigureAwait(false) == 1, ct);

    public Task ReleaseLeaseAsync(string name, string owner, CancellationToken ct)
        => InTransactionAsync(s => s.ExecuteAsync(
            // The owner stays: the next taker compares turns, not owners. Expired, the lease is free.
            "UPDATE work_lease SET until = now() - interval '1 second' WHERE name = @Name AND owner = @Owner",
            new { Name = T.Encode(name), Owner = T.Encode(owner) }), ct);

    public Task<(int DueSources, int QueuedPages)> BacklogAsync(DateTime now, CancellationToken ct)
        => InTransactionAsync(async s =>
        {
            var due = await s.ScalarAsync<long>(
                "SELECT count(*) FROM source WHERE disabled_at IS NULL AND (next_due_at IS NULL OR next_due_at <= @Now)",
                new { Now = PostgresTime.Write(now) }).ConfigureAwait(false);
            var queued = await s.ScalarAsync<long>("SELECT count(*) FROM page_queue").ConfigureAwait(false);
            return ((int)due, (int)queued);
        }, ct);

    /// <summary>A row of <c>page_queue</c>; text still escaped.</summary>
    private sealed class QueuedPageRow
    {
        public long Id { get; init; }
        public long? SourceId { get; init; }
        public string Link { get; init; } = "";
        public string Item { get; init; } = "";
    }
}

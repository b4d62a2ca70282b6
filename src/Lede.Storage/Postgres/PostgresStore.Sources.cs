using Lede.Sources;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

public sealed partial class PostgresStore
{
    public Task<(Source Source, bool Added)> AddSourceAsync(string url, string? title, IReadOnlyList<string> topics, CancellationToken ct)
    {
        // The transaction that inserted the row (its xmin), as an earlier attempt of this call saw it: run again after a
        // lost commit answer, the insert does nothing, yet the row it finds is still the one this call added.
        long? insertedBy = null;
        return InTransactionAsync(async s =>
        {
            var values = new
            {
                Url = T.Encode(url),
                Title = T.Encode(title),
                Topics = topics.Count > 0 ? T.EncodeAll(topics) : null,
                Now = PostgresTime.Write(DateTime.UtcNow),
            };
            var inserted = await s.QueryAsync<long>(
                """
                INSERT INTO source (url, title, topics_hint, created_at) VALUES (@Url, @Title, @Topics, @Now)
                ON CONFLICT ((lede_key(url))) DO NOTHING
                RETURNING xmin::text::bigint
                """,
                values).ConfigureAwait(false);
            var xmin = await s.ScalarAsync<long>("SELECT xmin::text::bigint FROM source WHERE lede_key(url) = lede_key(@Url) AND url = @Url", values)
                .ConfigureAwait(false);
            var added = inserted.Count == 1 || xmin == insertedBy;
            insertedBy ??= inserted.Count == 1 ? inserted[0] : null;
            var row = (await s.QueryAsync<SourceRow>($"{SourceRow.Select} WHERE lede_key(url) = lede_key(@Url) AND url = @Url", values).ConfigureAwait(false))[0];
            return (row.ToSource(), added);
        }, ct);
    }

    public Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken ct)
        => InTransactionAsync<IReadOnlyList<Source>>(async s =>
            (await s.QueryAsync<SourceRow>($"{SourceRow.Select} ORDER BY id").ConfigureAwait(false)).ConvertAll(r => r.ToSource()), ct);

    public Task<bool> RemoveSourceAsync(long id, CancellationToken ct)
    {
        // Run again after a lost commit answer, the delete finds nothing: the earlier attempt's answer stands.
        var removed = false;
        return InTransactionAsync(async s => removed |= await s.ExecuteAsync("DELETE FROM source WHERE id = @Id", new { Id = id }).ConfigureAwait(false) == 1, ct);
    }

    public Task<IReadOnlyList<Source>> DueSourcesAsync(DateTime now, CancellationToken ct)
        => InTransactionAsync<IReadOnlyList<Source>>(async s => (await s.QueryAsync<SourceRow>(
            $"{SourceRow.Select} WHERE disabled_at IS NULL AND (next_due_at IS NULL OR next_due_at <= @Now) ORDER BY next_due_at NULLS FIRST, id",
            new { Now = PostgresTime.Write(now) }).ConfigureAwait(false)).ConvertAll(r => r.ToSource()), ct);

    public Task SaveSourceStateAsync(long id, SourceState state, string? url, CancellationToken ct)
        => InTransactionAsync(s => s.ExecuteAsync(
            """
            UPDATE source SET url = CASE
                       WHEN @Url::text IS NOT NULL
                            AND NOT EXISTS (SELECT 1 FROM source WHERE lede_key(url) = lede_key(@Url::text) AND id <> @Id)
                       THEN @Url::text ELSE url END,
                   etag = @ETag, last_modified = @LastModified,
                   last_fetched_at = @LastFetchedAt, last_status = @LastStatus, next_due_at = @NextDueAt,
                   interval_seconds = @IntervalSeconds, consecutive_errors = @ConsecutiveErrors, last_error = @LastError,
                   disabled_at = @DisabledAt, disabled_reason = @DisabledReason
            WHERE id = @Id
            """,
            new
            {
                Id = id,
                Url = T.Encode(url),
                ETag = T.Encode(state.ETag),
                LastModified = T.Encode(state.LastModified),
                LastFetchedAt = PostgresTime.Write(state.LastFetchedAt),
                state.LastStatus,
                NextDueAt = PostgresTime.Write(state.NextDueAt),
                IntervalSeconds = Math.Max(1, (long)state.Interval.TotalSeconds),
                state.ConsecutiveErrors,
                LastError = T.Encode(state.LastError),
                DisabledAt = PostgresTime.Write(state.DisabledAt),
                DisabledReason = T.Encode(state.DisabledReason),
            }), ct);
}

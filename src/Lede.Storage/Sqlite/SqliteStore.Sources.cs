using System.Text.Json;
using Dapper;
using Lede.Sources;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    public Task<(Source Source, bool Added)> AddSourceAsync(string url, string? title, IReadOnlyList<string> topics, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            using var connection = Connect();
            using var tx = connection.BeginTransaction(deferred: false);
            var added = connection.Execute(
                """
                INSERT INTO source (url, title, topics_hint, created_at) VALUES (CAST(@Url AS TEXT), CAST(@Title AS TEXT), @Topics, @Now)
                ON CONFLICT (url) DO NOTHING
                """,
                SqliteText.Parameters(new { Url = url, Title = title, Topics = topics.Count > 0 ? JsonSerializer.Serialize(topics) : null, Now = StoredTime.Format(DateTime.UtcNow) }),
                tx) == 1;
            var row = connection.QuerySingle<SourceRow>($"{SourceRow.Select} WHERE url = CAST(@Url AS TEXT)", SqliteText.Parameters(new { Url = url }), tx);
            tx.Commit();
            return Task.FromResult((row.ToSource(), added));
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Full)
        {
            throw Filled(e);
        }
    }

    public Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult<IReadOnlyList<Source>>(connection.Query<SourceRow>($"{SourceRow.Select} ORDER BY id").Select(r => r.ToSource()).ToList());
    }

    public Task<bool> RemoveSourceAsync(long id, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            using var connection = Connect();
            return Task.FromResult(connection.Execute("DELETE FROM source WHERE id = @Id", new { Id = id }) == 1);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Full)
        {
            throw Filled(e);
        }
    }

    public Task<IReadOnlyList<Source>> DueSourcesAsync(DateTime now, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        var due = connection.Query<SourceRow>(
            $"{SourceRow.Select} WHERE disabled_at IS NULL AND (next_due_at IS NULL OR next_due_at <= @Now) ORDER BY next_due_at, id",
            new { Now = StoredTime.Format(now) });
        return Task.FromResult<IReadOnlyList<Source>>(due.Select(r => r.ToSource()).ToList());
    }

    public Task SaveSourceStateAsync(long id, SourceState state, string? url, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            using var connection = Connect();
            connection.Execute(
                """
                UPDATE source SET url = CASE
                           WHEN @Url IS NOT NULL AND NOT EXISTS (SELECT 1 FROM source WHERE url = CAST(@Url AS TEXT) AND id <> @Id)
                           THEN CAST(@Url AS TEXT) ELSE url END,
                       etag = @ETag, last_modified = @LastModified,
                       last_fetched_at = @LastFetchedAt, last_status = @LastStatus, next_due_at = @NextDueAt,
                       interval_seconds = @IntervalSeconds, consecutive_errors = @ConsecutiveErrors, last_error = @LastError,
                       disabled_at = @DisabledAt, disabled_reason = @DisabledReason
                WHERE id = @Id
                """,
                SqliteText.Parameters(new
                {
                    Id = id,
                    Url = url,
                    state.ETag,
                    state.LastModified,
                    LastFetchedAt = Format(state.LastFetchedAt),
                    state.LastStatus,
                    NextDueAt = Format(state.NextDueAt),
                    IntervalSeconds = Math.Max(1, (long)state.Interval.TotalSeconds),
                    state.ConsecutiveErrors,
                    state.LastError,
                    DisabledAt = Format(state.DisabledAt),
                    state.DisabledReason,
                }));
            return Task.CompletedTask;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == Full)
        {
            throw Filled(e);
        }
    }

    private static string? Format(DateTime? time) => time is { } t ? StoredTime.Format(t) : null;
}

using Lede.Sources;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

/// <summary>A row of <c>source</c>; text still escaped.</summary>
internal sealed class SourceRow
{
    public const string Select = """
        SELECT id, url, title, topics_hint, created_at, etag, last_modified, last_fetched_at, last_status, next_due_at,
               interval_seconds, consecutive_errors, last_error, disabled_at, disabled_reason
        FROM source
        """;

    public long Id { get; init; }
    public string Url { get; init; } = "";
    public string? Title { get; init; }
    public string[]? TopicsHint { get; init; }
    public DateTime CreatedAt { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public DateTime? LastFetchedAt { get; init; }
    public int? LastStatus { get; init; }
    public DateTime? NextDueAt { get; init; }
    public long IntervalSeconds { get; init; }
    public int ConsecutiveErrors { get; init; }
    public string? LastError { get; init; }
    public DateTime? DisabledAt { get; init; }
    public string? DisabledReason { get; init; }

    public Source ToSource() => new()
    {
        Id = Id,
        Url = T.Decode(Url),
        Title = T.Decode(Title),
        Topics = TopicsHint is null ? [] : TopicsHint.Select(t => T.Decode(t)).ToArray(),
        CreatedAt = PostgresTime.Read(CreatedAt),
        State = new SourceState
        {
            ETag = T.Decode(Etag),
            LastModified = T.Decode(LastModified),
            LastFetchedAt = PostgresTime.Read(LastFetchedAt),
            LastStatus = LastStatus,
            NextDueAt = PostgresTime.Read(NextDueAt),
            Interval = TimeSpan.FromSeconds(IntervalSeconds),
            ConsecutiveErrors = ConsecutiveErrors,
            LastError = T.Decode(LastError),
            DisabledAt = PostgresTime.Read(DisabledAt),
            DisabledReason = T.Decode(DisabledReason),
        },
    };
}

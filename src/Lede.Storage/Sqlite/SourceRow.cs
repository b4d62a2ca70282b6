using System.Text.Json;
using Lede.Sources;

namespace Lede.Storage.Sqlite;

/// <summary>A row of <c>source</c>.</summary>
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
    public string? TopicsHint { get; init; }
    public string CreatedAt { get; init; } = "";
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public string? LastFetchedAt { get; init; }
    public int? LastStatus { get; init; }
    public string? NextDueAt { get; init; }
    public long IntervalSeconds { get; init; }
    public int ConsecutiveErrors { get; init; }
    public string? LastError { get; init; }
    public string? DisabledAt { get; init; }
    public string? DisabledReason { get; init; }

    public Source ToSource() => new()
    {
        Id = Id,
        Url = Url,
        Title = Title,
        Topics = TopicsHint is null ? [] : JsonSerializer.Deserialize<string[]>(TopicsHint) ?? [],
        CreatedAt = StoredTime.Parse(CreatedAt),
        State = new SourceState
        {
            ETag = Etag,
            LastModified = LastModified,
            LastFetchedAt = ParseOptional(LastFetchedAt),
            LastStatus = LastStatus,
            NextDueAt = ParseOptional(NextDueAt),
            Interval = TimeSpan.FromSeconds(IntervalSeconds),
            ConsecutiveErrors = ConsecutiveErrors,
            LastError = LastError,
            DisabledAt = ParseOptional(DisabledAt),
            DisabledReason = DisabledReason,
        },
    };

    private static DateTime? ParseOptional(string? text) => text is null ? null : StoredTime.Parse(text);
}

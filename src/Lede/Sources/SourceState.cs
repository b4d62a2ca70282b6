namespace Lede.Sources;

/// <summary>Where a source stands: the validators for the next conditional GET, when it is due, and how it has been failing.</summary>
public sealed record SourceState
{
    /// <value>Default: one hour until the posting rate is known.</value>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public DateTime? LastFetchedAt { get; init; }
    /// <summary>The HTTP status of the last attempt, when there was one.</summary>
    public int? LastStatus { get; init; }
    /// <summary>When the source is next due; null means now.</summary>
    public DateTime? NextDueAt { get; init; }
    /// <summary>The polling interval learned from the source's posting rate.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;
    public int ConsecutiveErrors { get; init; }
    /// <summary>The last error, one line; null after a success.</summary>
    public string? LastError { get; init; }
    public DateTime? DisabledAt { get; init; }
    /// <summary>Why the source is no longer polled (gone, not found, failing).</summary>
    public string? DisabledReason { get; init; }

    public bool IsDisabled => DisabledAt is not null;
}

using Lede.Fetch;
using Lede.Text;

namespace Lede.Sources;

/// <summary>Decides a source's next state after a fetch: when it is due again, and whether it is failing or gone.</summary>
/// <remarks>
/// Follows what trusted readers do (notes/reliability.md §1a): the interval adapts to the posting rate within
/// <see cref="MinInterval"/>–<see cref="MaxInterval"/>; errors back off exponentially with full jitter (<see cref="Retry"/>),
/// honouring Retry-After; 410 disables at once, repeated 404s and repeated failures of any kind (parse errors included) disable.
/// </remarks>
/// <param name="random">The jitter's source; the crawler calls in parallel, so share only a thread-safe one (Random.Shared).</param>
public sealed class SourceScheduler(Random random)
{
    /// <value>Default: 15 minutes.</value>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(15);
    /// <value>Default: 24 hours.</value>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromHours(24);
    /// <value>Default: 3 consecutive 404s disable a source.</value>
    public const int NotFoundLimit = 3;
    /// <value>Default: 10 consecutive failures of any kind disable a source (about five days of backing off).</value>
    public const int FailureLimit = 10;

    /// <summary>Errors back off from 15 minutes, doubling, with full jitter, at least 5 minutes and at most a day.</summary>
    public static readonly Backoff Retry = new() { Base = MinInterval, Minimum = TimeSpan.FromMinutes(5), Maximum = MaxInterval };

    public SourceState After(SourceState state, FetchOutcome outcome, DateTime now)
    {
        switch (outcome)
        {
            case FetchOutcome.Fetched fetched:
                var learned = Succeeded(state, fetched.Response, now) with { Interval = LearnInterval(state.Interval, fetched.ItemTimes) };
                return learned with { NextDueAt = now + Jitter(learned.Interval) };
            case FetchOutcome.NotModified notModified:
                return Succeeded(state, notModified.Response, now) with { NextDueAt = now + Jitter(state.Interval) };
            case FetchOutcome.FetchFailed failed:
                var e = failed.Error;
                return Failed(state, now, e.Status, e.Message, e.RetryAfter);
            case FetchOutcome.ParseFailed parse:
                return Failed(state, now, parse.Response.Status, $"{LogText.Url(parse.Response.Url)} is not a feed Lede can read: {LogText.Line(parse.Error)}", null);
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome));
        }
    }

    /// <summary>The interval from the average gap between recent items, halved so a new item waits half a gap on average.</summary>
    public static TimeSpan LearnInterval(TimeSpan current, IReadOnlyList<DateTime> itemTimes)
    {
        var recent = itemTimes.Order().TakeLast(20).ToList();
        if (recent.Count < 2)
        {
            return current;
        }

        var gap = (recent[^1] - recent[0]) / (recent.Count - 1);
        return Clamp(gap / 2);
    }

    private static SourceState Succeeded(SourceState state, FetchResponse response, DateTime now) => state with
    {
        ETag = response.ETag ?? (response.NotModified ? state.ETag : null),
        LastModified = response.LastModified ?? (response.NotModified ? state.LastModified : null),
        LastFetchedAt = now,
        LastStatus = response.Status,
        ConsecutiveErrors = 0,
        LastError = null,
    };

    private SourceState Failed(SourceState state, DateTime now, int? status, string error, TimeSpan? retryAfter)
    {
        var errors = state.ConsecutiveErrors + 1;
        var failed = state with { LastFetchedAt = now, LastStatus = status, ConsecutiveErrors = errors, LastError = error };
        // A 404 right after a 404 keeps counting toward the limit; anything else in between resets nothing but the status.
        var repeatedNotFound = status == 404 && state.LastStatus == 404 && errors >= NotFoundLimit;
        var reason = status == 410 ? "gone (410)"
            : repeatedNotFound ? $"not found (404) {errors} times in a row"
            : errors >= FailureLimit ? $"failed {errors} times in a row"
            : null;
        if (reason is not null)
        {
            return failed with { DisabledAt = now, DisabledReason = reason, NextDueAt = null };
        }

        return failed with { NextDueAt = now + Retry.Delay(errors, retryAfter, random) };
    }

    private static TimeSpan Clamp(TimeSpan interval)
        => interval < MinInterval ? MinInterval : interval > MaxInterval ? MaxInterval : interval;

    /// <summary>±10%, so that sources added together do not stay in lockstep.</summary>
    private TimeSpan Jitter(TimeSpan interval) => interval * (0.9 + (random.NextDouble() * 0.2));
}

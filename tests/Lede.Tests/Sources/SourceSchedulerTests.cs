using Lede.Fetch;
using Lede.Sources;

namespace Lede.Tests.Sources;

public sealed class SourceSchedulerTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Uri Url = new("https://example.com/feed.xml");
    private readonly SourceScheduler _scheduler = new(new Random(7));

    private static FetchResponse Ok(string? etag = "\"v1\"") => new(Url, Url, 200, [], "application/rss+xml", etag, "Thu, 01 Jan 2026 00:00:00 GMT", null);

    private static FetchOutcome Failed(int? status, TimeSpan? retryAfter = null, FetchFailure failure = FetchFailure.HttpStatus)
        => new FetchOutcome.FetchFailed(new FetchException(Url, failure, $"HTTP {status}", status, retryAfter));

    [Fact]
    public void A_fetch_keeps_the_validators_and_learns_the_interval_from_the_posting_rate()
    {
        var hourly = Enumerable.Range(0, 10).Select(h => Now.AddHours(-h)).ToList();

        var state = _scheduler.After(new SourceState(), new FetchOutcome.Fetched(Ok(), hourly), Now);

        state.ETag.ShouldBe("\"v1\"");
        state.Interval.ShouldBe(TimeSpan.FromMinutes(30));
        state.NextDueAt!.Value.ShouldBeInRange(Now.AddMinutes(27), Now.AddMinutes(33));
        state.ConsecutiveErrors.ShouldBe(0);
    }

    [Theory]
    [InlineData(1, 15)]        // a burst every minute still waits the 15-minute floor
    [InlineData(60 * 24 * 7, 60 * 24)]   // a weekly feed is still checked daily
    public void The_interval_stays_between_15_minutes_and_24_hours(int gapMinutes, int expectedMinutes)
    {
        var times = Enumerable.Range(0, 5).Select(i => Now.AddMinutes(-i * gapMinutes)).ToList();

        SourceScheduler.LearnInterval(TimeSpan.FromHours(1), times).ShouldBe(TimeSpan.FromMinutes(expectedMinutes));
    }

    [Fact]
    public void Not_modified_keeps_the_old_validators_when_the_server_sends_none()
    {
        var before = new SourceState { ETag = "\"v1\"", LastModified = "x" };
        var response = new FetchResponse(Url, Url, 304, [], null, null, null, null);

        var state = _scheduler.After(before, new FetchOutcome.NotModified(response), Now);

        (state.ETag, state.LastModified, state.LastStatus).ShouldBe(("\"v1\"", "x", 304));
    }

    [Fact]
    public void Errors_back_off_under_a_doubling_ceiling_and_a_success_resets_them()
    {
        var state = new SourceState();
        for (var n = 1; n <= 6; n++)
        {
            state = _scheduler.After(state, Failed(500), Now);
            var wait = state.NextDueAt!.Value - Now;
            wait.ShouldBeInRange(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15 * Math.Pow(2, n - 1)));
        }

        state.ConsecutiveErrors.ShouldBe(6);
        state.LastError.ShouldBe("Fetching https://example.com/feed.xml failed: HTTP 500");

        state = _scheduler.After(state, new FetchOutcome.Fetched(Ok(), []), Now);
        (state.ConsecutiveErrors, state.LastError).ShouldBe((0, null));
    }

    [Fact]
    public void Retry_after_is_honoured_when_longer_than_the_backoff()
    {
        var state = _scheduler.After(new SourceState(), Failed(429, TimeSpan.FromHours(6)), Now);

        state.NextDueAt.ShouldBe(Now.AddHours(6));
        state.IsDisabled.ShouldBeFalse();
    }

    /// <summary>H13: whatever a server writes in Retry-After, the next try lands between the backoff floor and a day.</summary>
    [Theory]
    [InlineData("-5")]
    [InlineData("99999999999")]
    [InlineData("2147483647")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData("Mon, 01 Jan 0001 00:00:00 GMT")]
    [InlineData("soon\r\nX-Injected: 1")]
    public void Hostile_retry_after_values_neither_overflow_nor_escape_the_bounds(string value)
    {
        var state = _scheduler.After(new SourceState(), Failed(429, RetryAfter.Parse(value, new DateTimeOffset(Now))), Now);

        var wait = state.NextDueAt.ShouldNotBeNull() - Now;
        wait.ShouldBeInRange(SourceScheduler.Retry.Minimum, SourceScheduler.MaxInterval);
    }

    [Fact]
    public void Gone_disables_at_once()
    {
        var state = _scheduler.After(new SourceState(), Failed(410), Now);

        (state.IsDisabled, state.DisabledReason).ShouldBe((true, "gone (410)"));
    }

    [Fact]
    public void A_404_disables_only_when_it_repeats()
    {
        var state = new SourceState();
        state = _scheduler.After(state, Failed(404), Now);
        state = _scheduler.After(state, Failed(404), Now);
        state.IsDisabled.ShouldBeFalse();

        state = _scheduler.After(state, Failed(404), Now);

        state.DisabledReason.ShouldBe("not found (404) 3 times in a row");
    }

    [Fact]
    public void Repeated_parse_errors_back_off_and_then_stop()
    {
        var state = new SourceState();
        var outcome = new FetchOutcome.ParseFailed(Ok(), "no feed element");
        for (var i = 1; i < SourceScheduler.FailureLimit; i++)
        {
            state = _scheduler.After(state, outcome, Now);
            state.IsDisabled.ShouldBeFalse();
        }

        state = _scheduler.After(state, outcome, Now);

        state.DisabledReason.ShouldBe($"failed {SourceScheduler.FailureLimit} times in a row");
        state.LastError.ShouldBe("https://example.com/feed.xml is not a feed Lede can read: no feed element");
    }
}

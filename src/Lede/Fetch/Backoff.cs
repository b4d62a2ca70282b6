namespace Lede.Fetch;

/// <summary>How long to wait before trying a failing source again: exponential growth with full jitter, capped.</summary>
/// <remarks>
/// Pure: the caller passes the random draw, so the same inputs give the same delay. The fetcher never retries by
/// itself; the crawl scheduler uses this to set a source's next due time after a transient failure.
/// </remarks>
public sealed record Backoff
{
    /// <summary>The ceiling of the first retry's delay; it doubles with every further consecutive failure.</summary>
    /// <value>Default: 5 minutes.</value>
    public TimeSpan Base { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>No delay is shorter, so full jitter never means trying again at once.</summary>
    /// <value>Default: 1 minute.</value>
    public TimeSpan Minimum { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>No delay is longer, not even one a server asked for with Retry-After.</summary>
    /// <value>Default: 7 days.</value>
    public TimeSpan Maximum { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The delay after <paramref name="failures"/> consecutive failures.</summary>
    /// <param name="failures">Consecutive failures so far, 1 for the first.</param>
    /// <param name="retryAfter">What the server asked for (429/503 Retry-After); the delay is never shorter.</param>
    /// <param name="random">A draw in [0, 1): the share of the exponential ceiling to wait (full jitter).</param>
    public TimeSpan Delay(int failures, TimeSpan? retryAfter, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        if (double.IsNaN(random) || random < 0 || random >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(random), random, "The draw must be in [0, 1).");
        }

        // Double arithmetic: 2^failures overflows long ticks long before failures stops being a sane count.
        var ceiling = Math.Min(Base.Ticks * Math.Pow(2, failures - 1), Maximum.Ticks);
        var ticks = Math.Max((long)(ceiling * random), Minimum.Ticks);
        if (retryAfter is { } asked && asked.Ticks > ticks)
        {
            ticks = asked.Ticks;
        }

        return TimeSpan.FromTicks(Math.Min(ticks, Maximum.Ticks));
    }

    /// <summary>The delay after <paramref name="failures"/> consecutive failures, drawing the jitter from <paramref name="random"/>.</summary>
    public TimeSpan Delay(int failures, TimeSpan? retryAfter, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Delay(failures, retryAfter, random.NextDouble());
    }
}

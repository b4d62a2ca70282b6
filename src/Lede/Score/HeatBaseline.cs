namespace Lede.Score;

/// <summary>The baseline λ of heat: how many providers a typical recent story gains per hour.</summary>
/// <remarks>
/// Each story's rate is its providers divided by its span, with the span counted as at least the 6-hour velocity window
/// (a story of one article is 1/6 ≈ 0.17 providers per hour, not infinite). λ is the median of those rates: a few big
/// stories do not raise the bar for all others. With fewer than <see cref="MinimumStories"/> usable stories the
/// default applies. Feed it the stories of the last 7 days.
/// </remarks>
public static class HeatBaseline
{
    /// <value>0.2 providers per hour, the value the heat formula was tuned with.</value>
    public const double DefaultProvidersPerHour = 0.2;

    /// <value>5 stories: fewer say more about chance than about the stream.</value>
    public const int MinimumStories = 5;

    /// <summary>λ is kept between 0.01 and 10 providers per hour, so one odd stream cannot zero or explode the velocity part.</summary>
    public const double MinProvidersPerHour = 0.01;

    /// <summary>The upper bound of λ.</summary>
    public const double MaxProvidersPerHour = 10;

    private static readonly TimeSpan MinimumSpan = TimeSpan.FromHours(6);

    /// <summary>The median providers-per-hour of <paramref name="stories"/>; the default when there are too few; stories with no providers or a negative span are skipped.</summary>
    public static double ProvidersPerHour(IEnumerable<StoryActivity?>? stories)
    {
        var rates = (stories ?? []).Select(Rate).OfType<double>().Order().ToList();
        return FromSortedRates(rates);
    }

    /// <summary>A story's providers per hour; null when it has none or its span is negative (it does not count).</summary>
    public static double? Rate(StoryActivity? story)
        => story is { Providers: > 0 } && story.Span >= TimeSpan.Zero
            ? story.Providers / Math.Max(story.Span.TotalHours, MinimumSpan.TotalHours)
            : null;

    /// <summary>λ from the stories' rates in ascending order: their median, clamped; the default when there are too few.</summary>
    public static double FromSortedRates(IReadOnlyList<double> rates)
    {
        if (rates.Count < MinimumStories)
        {
            return DefaultProvidersPerHour;
        }

        var mid = rates.Count / 2;
        var median = rates.Count % 2 == 1 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
        return Math.Clamp(median, MinProvidersPerHour, MaxProvidersPerHour);
    }
}

using Lede.Score;

namespace Lede.Tests.Score;

public sealed class HeatBaselineTests
{
    private static StoryActivity Story(int providers, double hours) => new(providers, TimeSpan.FromHours(hours));

    [Fact]
    public void Without_enough_history_the_default_applies()
    {
        HeatBaseline.ProvidersPerHour(null).ShouldBe(HeatBaseline.DefaultProvidersPerHour);
        HeatBaseline.ProvidersPerHour([]).ShouldBe(0.2);
        HeatBaseline.ProvidersPerHour([Story(10, 1), Story(10, 1), Story(10, 1), Story(10, 1)]).ShouldBe(0.2);
    }

    [Fact]
    public void Lambda_is_the_median_rate_with_spans_of_at_least_six_hours()
    {
        // Rates: 1/6, 1/6, 2/6, 12/24, 30/6 → median 2/6.
        HeatBaseline.ProvidersPerHour([Story(1, 0), Story(1, 2), Story(2, 6), Story(12, 24), Story(30, 1)]).ShouldBe(2.0 / 6, 1e-9);
        // Even count: mean of the middle two.
        HeatBaseline.ProvidersPerHour([Story(1, 0), Story(1, 0), Story(1, 0), Story(3, 6), Story(3, 6), Story(3, 6)]).ShouldBe(2.0 / 6, 1e-9);
    }

    [Fact]
    public void A_stream_of_single_article_stories_has_a_lambda_near_the_default()
        => HeatBaseline.ProvidersPerHour(Enumerable.Repeat(Story(1, 0), 100)).ShouldBe(1.0 / 6, 1e-9);

    [Fact]
    public void Broken_stories_are_skipped_and_lambda_is_bounded()
    {
        HeatBaseline.ProvidersPerHour([null, Story(0, 1), Story(-2, 1), Story(3, -5), Story(1, 0), Story(1, 0)]).ShouldBe(0.2);
        HeatBaseline.ProvidersPerHour(Enumerable.Repeat(Story(int.MaxValue, 6), 9)).ShouldBe(HeatBaseline.MaxProvidersPerHour);
        HeatBaseline.ProvidersPerHour(Enumerable.Repeat(Story(1, 24 * 365), 9)).ShouldBe(HeatBaseline.MinProvidersPerHour);
    }
}

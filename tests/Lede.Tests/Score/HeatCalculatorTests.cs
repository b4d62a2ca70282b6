using Lede.Score;

namespace Lede.Tests.Score;

// "now" is always passed in, never read from the clock: every case here is reproducible.
public sealed class HeatCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly HeatStream Stream = new(Now.AddDays(-30), 0.2);
    private static readonly HeatCalculator Calculator = new();

    private static HeatMember Member(string provider, double hoursAgo, double? seenHoursAgo = null)
        => new(provider, Now.AddHours(-hoursAgo), seenHoursAgo is { } s ? Now.AddHours(-s) : null);

    /// <summary>P providers whose newest joined Δh ago, n6 of them with an article in the last 6 h.</summary>
    private static List<HeatMember> Story(int providers, int recent, double hours)
    {
        var members = Enumerable.Range(0, providers).Select(i => Member($"p{i}.com", hours)).ToList();
        if (hours >= 6)
        {
            members.AddRange(Enumerable.Range(0, recent).Select(i => Member($"p{i}.com", 3)));
        }

        return members;
    }

    [Theory]
    [InlineData(1, 1, 0, 18)]
    [InlineData(3, 3, 1, 47)]
    [InlineData(8, 8, 2, 81)]
    [InlineData(12, 12, 1, 94)]
    [InlineData(8, 0, 24, 14)]
    [InlineData(20, 2, 36, 9)]
    public void The_worked_values_of_the_notes_come_out(int providers, int recent, double hours, int expected)
    {
        var heat = Calculator.Calculate(Story(providers, recent, hours), Stream, Now);
        heat.Value.ShouldBe(expected);
        heat.Parts.Count.ShouldBe(4);
        heat.Parts[^1].ShouldEndWith($"= {expected}");
    }

    [Fact]
    public void A_story_that_is_not_clustered_is_unknown()
    {
        Calculator.Calculate(null, Stream, Now).Value.ShouldBe(Heat.Unknown);
        Calculator.Calculate([], Stream, Now).Value.ShouldBe(Heat.Unknown);
        Calculator.Calculate([null], Stream, Now).Parts.Single().ShouldContain("not in a story");
    }

    [Theory]
    [InlineData(5.9, true)]
    [InlineData(6, false)]
    public void Under_six_hours_of_stream_history_is_unknown(double historyHours, bool unknown)
        => Calculator.Calculate([Member("a.com", 1)], Stream with { HistoryStart = Now.AddHours(-historyHours) }, Now).IsUnknown.ShouldBe(unknown);

    [Fact]
    public void A_stream_never_observed_is_unknown()
    {
        Calculator.Calculate([Member("a.com", 1)], null, Now).IsUnknown.ShouldBeTrue();
        Calculator.Calculate([Member("a.com", 1)], new HeatStream(null, 0.2), Now).IsUnknown.ShouldBeTrue();
    }

    [Fact]
    public void A_story_without_publication_times_is_unknown()
    {
        var heat = Calculator.Calculate([new HeatMember("a.com", null, Now), new HeatMember("b.com", null)], Stream, Now);
        heat.Value.ShouldBe(-1);
        heat.Parts.Single().ShouldContain("publication time");
    }

    [Fact]
    public void A_publication_time_more_than_an_hour_ahead_is_not_believed()
    {
        Calculator.Calculate([Member("a.com", -1.5)], Stream, Now).Parts.Single().ShouldContain("in the future");
        Calculator.Calculate([Member("a.com", -0.5)], Stream, Now).Value.ShouldBe(18);
        var mixed = Calculator.Calculate([Member("a.com", -30), Member("b.com", 1)], Stream, Now);
        mixed.IsUnknown.ShouldBeFalse();
        mixed.Parts[0].ShouldContain("in the future ignored");
    }

    [Theory]
    [InlineData(24 * 7 + 1, true)]
    [InlineData(24 * 7 - 1, false)]
    public void A_story_whose_newest_article_left_the_active_window_is_unknown(double hours, bool unknown)
        => Calculator.Calculate([Member("a.com", hours + 10), Member("b.com", hours)], Stream, Now).IsUnknown.ShouldBe(unknown);

    [Fact]
    public void Extreme_times_and_blank_providers_do_not_throw()
    {
        Calculator.Calculate([new HeatMember(null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)], Stream, Now).IsUnknown.ShouldBeTrue();
        Calculator.Calculate([new HeatMember(" ", DateTimeOffset.MaxValue)], Stream, Now).IsUnknown.ShouldBeTrue();
        var busy = Calculator.Calculate([new HeatMember("", Now), new HeatMember(null, Now)], new HeatStream(DateTimeOffset.MinValue, double.MaxValue), Now);
        busy.Parts[0].ShouldContain("providers: 1 distinct");
        busy.Value.ShouldBe(18);
    }

    [Fact]
    public void A_known_cold_story_is_zero_not_unknown()
    {
        var heat = Calculator.Calculate([Member("a.com", 24 * 6)], Stream, Now);
        heat.Value.ShouldBe(0);
        heat.IsUnknown.ShouldBeFalse();
    }

    [Fact]
    public void One_provider_counts_once_and_joins_at_its_earliest_article()
    {
        var one = Calculator.Calculate([Member("a.com", 2), Member("A.com", 1), Member("a.com", 0)], Stream, Now);
        one.Parts[0].ShouldContain("providers: 1 distinct");
        one.Parts[2].ShouldContain("joined 2 h ago");
    }

    [Fact]
    public void An_article_seen_before_its_stated_publication_time_counts_from_when_it_was_seen()
        => Calculator.Calculate([Member("a.com", 0, seenHoursAgo: 12)], Stream, Now).Parts[2].ShouldContain("joined 12 h ago");

    [Fact]
    public void A_broken_baseline_falls_back_to_the_default()
    {
        var heat = Calculator.Calculate(Story(3, 3, 1), Stream with { ProvidersPerHour = double.NaN }, Now);
        heat.Value.ShouldBe(47);
        heat.Parts[0].ShouldContain("not usable");
    }

    [Fact]
    public void A_busier_baseline_makes_the_same_story_cooler()
        => Calculator.Calculate(Story(8, 8, 2), Stream with { ProvidersPerHour = 1 }, Now).Value
            .ShouldBeLessThan(Calculator.Calculate(Story(8, 8, 2), Stream, Now).Value);

    [Fact]
    public void More_providers_never_lower_the_heat()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 500; trial++)
        {
            var members = RandomStory(random);
            var before = Calculator.Calculate(members, Stream, Now);
            members.Add(Member($"new{trial}.com", random.NextDouble() * 48));
            var after = Calculator.Calculate(members, Stream, Now);
            after.Value.ShouldBeGreaterThanOrEqualTo(before.Value, string.Join(" | ", after.Parts));
        }
    }

    [Fact]
    public void Older_is_never_hotter()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 500; trial++)
        {
            var members = RandomStory(random);
            var previous = int.MaxValue;
            for (var hours = 0; hours < 48; hours += 3)
            {
                var heat = Calculator.Calculate(members, Stream, Now.AddHours(hours)).Value;
                heat.ShouldBeInRange(0, 100);
                heat.ShouldBeLessThanOrEqualTo(previous);
                previous = heat;
            }
        }
    }

    private static List<HeatMember> RandomStory(Random random)
        => [.. Enumerable.Range(0, random.Next(1, 15)).Select(_ => Member($"p{random.Next(10)}.com", random.NextDouble() * 48))];
}

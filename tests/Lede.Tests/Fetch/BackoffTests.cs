using Lede.Fetch;

namespace Lede.Tests.Fetch;

public sealed class BackoffTests
{
    private static readonly Backoff Policy = new()
    {
        Base = TimeSpan.FromMinutes(10),
        Minimum = TimeSpan.FromMinutes(1),
        Maximum = TimeSpan.FromHours(24),
    };

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 80)]
    public void The_ceiling_doubles_with_each_failure(int failures, int ceilingMinutes)
        => Policy.Delay(failures, null, 0.999999).TotalMinutes.ShouldBe(ceilingMinutes, tolerance: 0.01);

    [Fact]
    public void Full_jitter_scales_the_ceiling_by_the_draw()
        => Policy.Delay(3, null, 0.5).ShouldBe(TimeSpan.FromMinutes(20));

    [Fact]
    public void A_zero_draw_still_waits_the_minimum()
        => Policy.Delay(1, null, 0).ShouldBe(TimeSpan.FromMinutes(1));

    [Theory]
    [InlineData(9)]
    [InlineData(64)]
    [InlineData(int.MaxValue)]
    public void Many_failures_are_capped_at_the_maximum(int failures)
        => Policy.Delay(failures, null, 0.999999).ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(24));

    [Fact]
    public void Retry_after_longer_than_the_backoff_wins()
        => Policy.Delay(1, TimeSpan.FromHours(2), 0.5).ShouldBe(TimeSpan.FromHours(2));

    [Fact]
    public void Retry_after_shorter_than_the_backoff_does_not_shorten_it()
        => Policy.Delay(3, TimeSpan.FromSeconds(5), 0.5).ShouldBe(TimeSpan.FromMinutes(20));

    [Fact]
    public void Retry_after_beyond_the_maximum_is_capped()
        => Policy.Delay(1, TimeSpan.FromDays(30), 0.5).ShouldBe(TimeSpan.FromHours(24));

    [Fact]
    public void Draws_from_a_seeded_random_stay_within_the_bounds()
    {
        var random = new Random(42);
        var delays = Enumerable.Range(0, 1000).Select(_ => Policy.Delay(2, null, random)).ToList();

        delays.ShouldAllBe(d => d >= TimeSpan.FromMinutes(1) && d <= TimeSpan.FromMinutes(20));
        delays.Distinct().Count().ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(1, -0.1)]
    [InlineData(1, double.NaN)]
    public void Out_of_range_inputs_are_rejected(int failures, double random)
        => Should.Throw<ArgumentOutOfRangeException>(() => Policy.Delay(failures, null, random));
}

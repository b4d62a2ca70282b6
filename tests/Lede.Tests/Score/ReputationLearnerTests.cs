using Lede.Score;

namespace Lede.Tests.Score;

public sealed class ReputationLearnerTests
{
    private static readonly ReputationLearner Learner = new();

    [Fact]
    public void No_decisions_means_no_adjustment()
    {
        Learner.Adjust(2, null).ShouldBeNull();
        Learner.Adjust(2, new ProviderDecisions(0, 0)).ShouldBeNull();
        Learner.Adjust(2, new ProviderDecisions(-3, -1)).ShouldBeNull();
    }

    [Fact]
    public void Decisions_at_the_expected_rate_change_nothing()
        => Learner.Adjust(3, new ProviderDecisions(6, 4))!.Points.ShouldBe(0);

    [Fact]
    public void Few_decisions_move_the_prior_a_little_and_many_move_it_to_the_bound()
    {
        var few = Learner.Adjust(3, new ProviderDecisions(0, 2))!.Points;
        var some = Learner.Adjust(3, new ProviderDecisions(0, 10))!.Points;
        var many = Learner.Adjust(3, new ProviderDecisions(0, 1_000))!.Points;
        few.ShouldBe(-3);
        some.ShouldBe(-8);
        many.ShouldBe(-10);
        Learner.Adjust(3, new ProviderDecisions(1_000, 0))!.Points.ShouldBe(10);
    }

    [Fact]
    public void The_same_record_means_more_for_a_provider_expected_to_do_worse()
    {
        var record = new ProviderDecisions(20, 0);
        Learner.Adjust(5, record)!.Points.ShouldBeGreaterThan(Learner.Adjust(1, record)!.Points);
    }

    [Fact]
    public void Adjustments_are_monotone_in_published_and_bounded()
    {
        for (var rejected = 0; rejected <= 30; rejected += 5)
        {
            var previous = int.MinValue;
            for (var published = 0; published <= 60; published++)
            {
                var points = Learner.Adjust(null, new ProviderDecisions(published, rejected))?.Points ?? 0;
                points.ShouldBeGreaterThanOrEqualTo(previous);
                points.ShouldBeInRange(-10, 10);
                previous = points;
            }
        }
    }

    [Fact]
    public void The_why_line_names_the_record_and_the_tier()
    {
        var why = Learner.Adjust(2, new ProviderDecisions(3, 9))!.Why;
        why.ShouldContain("3 of 12");
        why.ShouldContain("tier 2");
    }

    [Fact]
    public void Odd_settings_fall_back_to_sane_ones()
    {
        var odd = new ReputationLearner { PriorStrength = double.NaN, PointsPerRate = double.PositiveInfinity, MaxPoints = -4 };
        odd.Adjust(2, new ProviderDecisions(0, int.MaxValue))!.Points.ShouldBe(0);
        odd.SmoothedRate(2, new ProviderDecisions(0, 0)).ShouldBe(0.7, 1e-9);
    }
}

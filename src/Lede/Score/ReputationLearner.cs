using System.Globalization;

namespace Lede.Score;

/// <summary>Learns from editors' decisions how far a provider's articles deserve more or less than its tier says.</summary>
/// <remarks>
/// Beta smoothing: the tier stands for <see cref="PriorStrength"/> imagined decisions at its expected publish rate, so a
/// few decisions move the rate a little and many move it a lot. The adjustment is proportional to the smoothed rate minus
/// the expected one and never exceeds <see cref="MaxPoints"/> either way. Pure: the same history always gives the same points.
/// </remarks>
public sealed class ReputationLearner
{
    /// <value>Default: 10 — the tier counts as ten decisions at its expected rate.</value>
    public double PriorStrength { get; init; } = 10;

    /// <value>Default: 25 points per unit of publish rate (a rate 0.2 above the expected one earns +5).</value>
    public double PointsPerRate { get; init; } = 25;

    /// <value>Default: 10 points up or down at most.</value>
    public int MaxPoints { get; init; } = 10;

    /// <summary>The share of a tier's articles editors are expected to publish: 0.8 for tier 1 down to 0.3 for tier 5, 0.5 when unrated.</summary>
    public static double ExpectedRate(int? tier) => tier switch
    {
        1 => 0.8,
        2 => 0.7,
        3 => 0.6,
        4 => 0.45,
        5 => 0.3,
        _ => 0.5,
    };

    /// <summary>The smoothed publish rate: (published + strength × expected) / (decisions + strength).</summary>
    public double SmoothedRate(int? tier, ProviderDecisions decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var (published, rejected) = Counts(decisions);
        var strength = Strength;
        return (published + (strength * ExpectedRate(tier))) / (published + rejected + strength);
    }

    /// <summary>The points editors' decisions add to the tier's prior, or null when there are no decisions to learn from.</summary>
    public QualityPoint? Adjust(int? tier, ProviderDecisions? decisions)
    {
        if (decisions is null)
        {
            return null;
        }

        var (published, rejected) = Counts(decisions);
        if (published + rejected <= 0)
        {
            return null;
        }

        var expected = ExpectedRate(tier);
        var rate = SmoothedRate(tier, decisions);
        var cap = Math.Max(0, MaxPoints);
        var raw = double.IsFinite(PointsPerRate) ? PointsPerRate * (rate - expected) : 0;
        // Round off binary noise first, so that an exact half (−2.5) rounds away from zero as written, not to −2.
        var points = (int)Math.Clamp(Math.Round(Math.Round(raw, 9), MidpointRounding.AwayFromZero), -cap, cap);
        var why = string.Create(CultureInfo.InvariantCulture,
            $"editors published {published:0} of {published + rejected:0}; smoothed rate {rate:P0} against {expected:P0} expected for {(tier is >= 1 and <= 5 ? $"tier {tier}" : "an unrated provider")}");
        return new QualityPoint("editor-record", points, why);
    }

    private double Strength => double.IsFinite(PriorStrength) && PriorStrength > 0 ? PriorStrength : 10;

    private static (double Published, double Rejected) Counts(ProviderDecisions d) => (Math.Max(0, d.Published), Math.Max(0, d.Rejected));
}

using System.Globalization;

namespace Lede.Score;

/// <summary>Computes a story's heat from its distinct providers, how fast they arrive against the baseline, and time decay.</summary>
/// <remarks>
/// heat = round(100 · (0.65·cov + 0.35·vel) · 2^(−Δh/12)) with cov = min(1, log2(1+P)/log2(1+12)),
/// vel = clamp(z/3, 0, 1), z = (n6 − 6λ)/√(6λ+1); see docs/quality-and-heat.md. P counts distinct providers; n6 those
/// with an article in the last 6 h; Δh is the time since the newest provider joined, a provider joining at its earliest
/// article. An article's time is its publication time, or when Lede first saw it if that is earlier.
/// −1 when the heat cannot be known: not clustered, under <see cref="Warmup"/> of stream history, no usable publication
/// time (missing, or more than <see cref="FutureTolerance"/> ahead of now), or the story's newest article older than
/// <see cref="ActiveWindow"/>. "now" is always passed in, so results are reproducible. Never throws; thread-safe.
/// </remarks>
public sealed partial class HeatCalculator
{
    /// <value>Default: 12 hours.</value>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromHours(12);

    /// <value>Default: 6 hours; n6 counts providers that joined within it.</value>
    public TimeSpan VelocityWindow { get; init; } = TimeSpan.FromHours(6);

    /// <value>Default: 6 hours of stream history before any heat is known.</value>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromHours(6);

    /// <value>Default: 7 days; set it to the clusterer's active window.</value>
    public TimeSpan ActiveWindow { get; init; } = TimeSpan.FromDays(7);

    /// <value>Default: 1 hour; a publication time further ahead is not believed.</value>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromHours(1);

    /// <value>Default: 12 providers give full coverage.</value>
    public int SaturationProviders { get; init; } = 12;

    /// <value>Default: 0.65; velocity gets the rest.</value>
    public double CoverageWeight { get; init; } = 0.65;

    /// <summary>The heat of the story made of <paramref name="members"/> at <paramref name="now"/>; null or empty members mean not clustered.</summary>
    public Heat Calculate(IReadOnlyList<HeatMember?>? members, HeatStream? stream, DateTimeOffset now)
    {
        if (members is null || !members.Any(m => m is not null))
        {
            return Unknown("the article is not in a story yet");
        }

        if (stream?.HistoryStart is not { } start || now - start < Warmup)
        {
            var seen = stream?.HistoryStart is { } s ? Hours(now - s) + " h" : "no time";
            return Unknown($"the stream has been observed for {seen}, under the {Hours(Warmup)} h warm-up");
        }

        var arrivals = Arrivals(members, now, out var providers, out var notes);
        if (arrivals.Count == 0)
        {
            return Unknown(notes.Count > 0 ? "no usable publication time: " + string.Join("; ", notes) : "no article of the story has a publication time");
        }

        var newestArticle = arrivals.Values.Max(a => a.Newest);
        if (now - newestArticle > ActiveWindow)
        {
            return Unknown($"the story's newest article is {Hours(now - newestArticle)} h old, outside the {Hours(ActiveWindow)} h active window");
        }

        return Compute(providers, arrivals, stream.ProvidersPerHour, now, notes);
    }

    private Heat Compute(int providers, Dictionary<string, (DateTimeOffset Joined, DateTimeOffset Newest)> arrivals, double lambda, DateTimeOffset now, List<string> notes)
    {
        var parts = new List<string>(notes);
        if (!double.IsFinite(lambda) || lambda <= 0)
        {
            parts.Add(Invariant($"baseline λ {lambda} is not usable; {HeatBaseline.DefaultProvidersPerHour} providers/h assumed"));
            lambda = HeatBaseline.DefaultProvidersPerHour;
        }

        lambda = Math.Clamp(lambda, HeatBaseline.MinProvidersPerHour, HeatBaseline.MaxProvidersPerHour);

        var saturation = Math.Max(1, SaturationProviders);
        var coverage = Math.Min(1, Math.Log2(1 + providers) / Math.Log2(1 + saturation));
        parts.Add(Invariant($"providers: {providers} distinct → coverage {coverage:0.00} (full at {saturation})"));

        var windowHours = Math.Max(0, VelocityWindow.TotalHours);
        // n6 counts providers active in the window (a new article from a provider already in the story counts), as the notes define it.
        var recent = arrivals.Values.Count(a => now - a.Newest < VelocityWindow);
        var expected = windowHours * lambda;
        var z = (recent - expected) / Math.Sqrt(expected + 1);
        var velocity = double.IsFinite(z) ? Math.Clamp(z / 3, 0, 1) : 0;
        parts.Add(Invariant($"velocity: {recent} providers published in the last {windowHours:0.#} h, {expected:0.##} expected at λ {lambda:0.###}/h → z {z:0.00}, velocity {velocity:0.00}"));

        var newest = arrivals.Values.Max(a => a.Joined);
        var age = Math.Max(0, (now - newest).TotalHours);
        var halfLife = HalfLife > TimeSpan.Zero ? HalfLife.TotalHours : 12;
        var decay = Math.Pow(2, -age / halfLife);
        parts.Add(Invariant($"decay: newest provider joined {age:0.#} h ago → ×{decay:0.00} (half-life {halfLife:0.#} h)"));

        var weight = double.IsFinite(CoverageWeight) ? Math.Clamp(CoverageWeight, 0, 1) : 0.65;
        var raw = 100 * ((weight * coverage) + ((1 - weight) * velocity)) * decay;
        var value = (int)Math.Clamp(Math.Round(raw, MidpointRounding.AwayFromZero), 0, 100);
        parts.Add(Invariant($"heat = round(100 × ({weight:0.##} × {coverage:0.00} + {1 - weight:0.##} × {velocity:0.00}) × {decay:0.00}) = {value}"));
        return new Heat(value, parts);
    }

    private static Heat Unknown(string why) => new(Heat.Unknown, [$"unknown: {why}"]);

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Lede.Score;

/// <summary>Scores an article's quality 0–100 as a sum of named points an editor can read (docs/quality-and-heat.md).</summary>
/// <remarks>
/// Starts at the provider's prior (its tier, moved by editors' decisions), adds what the article shows (body, author,
/// date, a real excerpt, a real lead image) and takes away for what it shows badly (failed extraction, boilerplate
/// excerpt, clickbait, sponsored, logo image, wire copy, mojibake). The points always sum to the value: a final
/// <c>clamp</c> line takes up whatever falls outside 0–100. Never throws on odd input; thread-safe.
/// </remarks>
public sealed partial class QualityScorer
{
    /// <value>Default: a <see cref="ReputationLearner"/> with its defaults.</value>
    public ReputationLearner Reputation { get; init; } = new();

    /// <summary>The article's quality and one line per rule that fired.</summary>
    public QualityScore Score(QualityInput? input)
    {
        input ??= new QualityInput();
        var points = new List<QualityPoint>();
        var tags = new List<string>();

        points.Add(SourcePrior(input.Tier));
        if (Reputation.Adjust(ValidTier(input.Tier), input.Decisions) is { } record)
        {
            points.Add(record);
        }

        AddTextRules(input, points);
        AddHeadlineRules(input, points, tags);
        AddImageRule(input.LeadImage, points);
        AddWireRule(input, points, tags);

        var sum = points.Sum(p => (long)p.Points);
        var value = (int)Math.Clamp(sum, 0, 100);
        if (value != sum)
        {
            points.Add(new QualityPoint("clamp", (int)(value - sum), sum > 100 ? "scores stop at 100" : "scores stop at 0"));
        }

        return new QualityScore(value, points) { Tags = tags };
    }

    /// <summary>The points a provider starts from: tier 1 → 40, 2 → 30, 3 → 20, 4 → 10, 5 → 0; unrated → 15.</summary>
    public static int PriorPoints(int? tier) => ValidTier(tier) switch
    {
        1 => 40,
        2 => 30,
        3 => 20,
        4 => 10,
        5 => 0,
        _ => 15,
    };

    private static int? ValidTier(int? tier) => tier is >= 1 and <= 5 ? tier : null;

    private static QualityPoint SourcePrior(int? tier) => ValidTier(tier) is { } t
        ? new("source-prior", PriorPoints(t), string.Create(CultureInfo.InvariantCulture, $"provider is tier {t} (1 best … 5) in the providers file"))
        : new("source-prior", PriorPoints(null), "provider is not rated in the providers file");

    private static void AddImageRule(QualityImage? image, List<QualityPoint> points)
    {
        if (image is null || string.IsNullOrWhiteSpace(image.Url))
        {
            points.Add(new("no-image", 0, "no lead image"));
            return;
        }

        if (ImageDoubt(image) is { } doubt)
        {
            points.Add(new("poor-image", -5, $"lead image looks like a logo or placeholder: {doubt}"));
            return;
        }

        points.Add(new("lead-image", 10, "a real lead image" + SizeText(image)));
    }

    private static string SizeText(QualityImage image) => image is { Width: { } w, Height: { } h }
        ? string.Create(CultureInfo.InvariantCulture, $" ({w}×{h})")
        : "";

    private static string? ImageDoubt(QualityImage image)
    {
        if (!Uri.TryCreate(image.Url.Trim(), UriKind.Absolute, out var url))
        {
            return "not a URL";
        }

        if (image.RepeatsAcrossArticles)
        {
            return "the same image leads many of the provider's articles";
        }

        // A share image under 200 px on a side is a logo or a thumbnail; banners are many times wider than high.
        return Enrich.ImageCues.StrongUrlCue(url) ?? Enrich.ImageCues.WeakUrlCue(url)
            ?? (image.Width is < 200 || image.Height is < 200 ? Enrich.ImageCues.SizeCue(image.Width, image.Height, 200) : null)
            ?? (image is { Width: > 0 and var w, Height: > 0 and var h } && (w > 4L * h || h > 4L * w) ? "banner proportions" : null);
    }
}

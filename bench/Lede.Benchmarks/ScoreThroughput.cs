using System.Diagnostics;
using System.Globalization;
using Lede.Score;

namespace Lede.Benchmarks;

/// <summary>The plain scoring harness: quality scores/s and heats/s on generated articles and stories.</summary>
internal static class ScoreThroughput
{
    private static readonly string[] Headlines =
    [
        "City council votes to ban police use of facial recognition",
        "5 things you need to know about the new AI rules",
        "You won't believe what this camera can see!!",
        "Why the Minneapolis ban matters",
        "Opinion: Ban the cameras now",
        "UN experts call for a moratorium on facial recognition",
        "Sponsored: The best home security cameras of 2026",
        "POLICE CAMERAS WATCHING EVERYONE NOW, EXPERTS WARN",
    ];

    public static void Run(int count)
    {
        var random = new Random(42);
        var inputs = Enumerable.Range(0, count).Select(i => Input(random, i)).ToList();
        var scorer = new QualityScorer();
        var total = inputs.Take(1_000).Sum(i => (long)scorer.Score(i).Value);
        var clock = Stopwatch.StartNew();
        total += inputs.Sum(i => (long)scorer.Score(i).Value);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"quality: {count / seconds:F0} articles/s ({seconds * 1e6 / count:F1} µs/article, mean score {(double)total / (count + Math.Min(count, 1_000)):F1})"));

        var now = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var stream = new HeatStream(now.AddDays(-30), 0.2);
        var stories = Enumerable.Range(0, count).Select(_ => Story(random, now)).ToList();
        var calculator = new HeatCalculator();
        var heat = stories.Take(1_000).Sum(s => (long)calculator.Calculate(s, stream, now).Value);
        clock.Restart();
        heat += stories.Sum(s => (long)calculator.Calculate(s, stream, now).Value);
        seconds = clock.Elapsed.TotalSeconds;
        GC.KeepAlive(heat);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"heat: {count / seconds:F0} stories/s ({seconds * 1e6 / count:F1} µs/story, {stories.Average(s => s.Count):F1} articles/story)"));
    }

    private static QualityInput Input(Random random, int i) => new()
    {
        Domain = $"site{i % 50}.com",
        Tier = random.Next(7) is var t && t <= 5 ? t : null,
        Url = $"https://site{i % 50}.com/news/{i}",
        Title = Headlines[random.Next(Headlines.Length)],
        Excerpt = "The council voted on Tuesday after a year of hearings on how the police used the cameras.",
        ExcerptIsBoilerplate = random.Next(10) == 0,
        FullText = string.Join(' ', Enumerable.Repeat("The council heard from residents about the cameras.", random.Next(0, 120))),
        HasAuthor = random.Next(2) == 0,
        HasPublishedDate = random.Next(5) != 0,
        LeadImage = random.Next(4) == 0 ? null : new QualityImage($"https://cdn.site{i % 50}.com/img/{i}.jpg", 1200, 800),
        IsWireCopy = random.Next(8) == 0,
    };

    private static List<HeatMember> Story(Random random, DateTimeOffset now)
        => [.. Enumerable.Range(0, 1 + random.Next(20)).Select(_ => new HeatMember($"p{random.Next(30)}.com", now.AddHours(-random.NextDouble() * 72)))];
}

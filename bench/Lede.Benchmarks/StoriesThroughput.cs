using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lede.Cluster;

namespace Lede.Benchmarks;

/// <summary>The plain story clustering harness: articles/s per block of a generated stream, to show the cost per article stays flat.</summary>
internal static class StoriesThroughput
{
    private const int Block = 10_000;

    public static void Run(int count)
    {
        var documents = Generate(count, new Random(42));
        var clusterer = new StoryClusterer();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{count} generated articles, 20 s apart ({count * 20.0 / 86400:F1} days of publication time), 7-day window"));
        var total = Stopwatch.StartNew();
        var opened = 0;
        for (var start = 0; start < count; start += Block)
        {
            var end = Math.Min(count, start + Block);
            var clock = Stopwatch.StartNew();
            for (var i = start; i < end; i++)
            {
                opened += clusterer.Add(documents[i]).Opened ? 1 : 0;
            }

            var rate = (end - start) / clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(inv,
                $"articles {start + 1,7}-{end,7}: {rate,7:F0} articles/s ({1000 / rate:F3} ms/article), {clusterer.ActiveStories,6} active stories, {GC.GetTotalMemory(false) / 1_000_000.0,6:F0} MB managed"));
        }

        Console.WriteLine(string.Create(inv, $"all: {count / total.Elapsed.TotalSeconds:F0} articles/s, {opened} stories opened"));
    }

    // Stories are a handful of names and event words over a Zipf background; each article mixes both, as coverage does.
    private static List<StoryDocument> Generate(int count, Random random)
    {
        var documents = new List<StoryDocument>(count);
        var live = new List<(string[] Names, string[] Words)>();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var storyCount = 0;
        for (var i = 0; i < count; i++)
        {
            if (live.Count == 0 || random.NextDouble() < 0.3)
            {
                storyCount++;
                live.Add(([.. Enumerable.Range(0, 3).Select(k => Name(storyCount, k))], [.. Enumerable.Range(0, 8).Select(k => $"event{storyCount}x{k}")]));
                if (live.Count > 300)
                {
                    live.RemoveAt(0);
                }
            }

            var (names, words) = live[live.Count - 1 - (int)Math.Min(live.Count - 1, -Math.Log(1 - random.NextDouble()) * 40)];
            var title = $"{names[random.Next(3)]} {words[random.Next(8)]} {Background(random)} {words[random.Next(8)]} {names[random.Next(3)]}";
            var text = new StringBuilder();
            for (var w = 0; w < 80; w++)
            {
                var roll = random.NextDouble();
                text.Append(roll < 0.08 ? names[random.Next(3)] : roll < 0.3 ? words[random.Next(8)] : Background(random)).Append(w % 15 == 14 ? ". " : " ");
            }

            documents.Add(new StoryDocument($"a{i}", title, text.ToString(), start.AddSeconds(20.0 * i), $"p{random.Next(200)}", null));
        }

        return documents;
    }

    private static string Name(int story, int k) => string.Create(CultureInfo.InvariantCulture, $"Name{story}n{k}");

    private static string Background(Random random)
    {
        // Zipf-like over 30,000 words: rank = floor(30000^u).
        var rank = (int)Math.Pow(30_000, random.NextDouble());
        return string.Create(CultureInfo.InvariantCulture, $"word{rank}");
    }
}

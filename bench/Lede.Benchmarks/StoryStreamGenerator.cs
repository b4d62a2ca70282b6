using System.Text;
using Lede.Cluster;

namespace Lede.Benchmarks;

/// <summary>A deterministic, endless-capable stream of generated news articles: stories are names and event words over a Zipf background.</summary>
/// <remarks>
/// Each article is built when asked for and holds nothing after it; only the last 300 stories' words are kept, so the stream
/// costs constant memory. Words are letters only, like prose: a word with digits (word123) reads as a product code, which
/// made every background word an entity and every run of them a multi-word name.
/// </remarks>
internal static class StoryStreamGenerator
{
    public static IEnumerable<StoryDocument> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var live = new List<(string[] Names, string[] Words)>();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var storyCount = 0;
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (live.Count == 0 || random.NextDouble() < 0.3)
            {
                storyCount++;
                var names = new string[3];
                for (var k = 0; k < names.Length; k++)
                {
                    names[k] = Name(storyCount, k);
                }

                var words = new string[8];
                for (var k = 0; k < words.Length; k++)
                {
                    words[k] = Syllables((storyCount * 8L) + k) + "t";
                }

                live.Add((names, words));
                if (live.Count > 300)
                {
                    live.RemoveAt(0);
                }
            }

            // Coverage favours recent stories: an exponential pick over the live ones, newest first.
            var (storyNames, storyWords) = live[live.Count - 1 - (int)Math.Min(live.Count - 1, -Math.Log(1 - random.NextDouble()) * 40)];
            var title = $"{storyNames[random.Next(3)]} {storyWords[random.Next(8)]} {Background(random)} {storyWords[random.Next(8)]} {storyNames[random.Next(3)]}";
            text.Clear();
            for (var w = 0; w < 80; w++)
            {
                var roll = random.NextDouble();
                text.Append(roll < 0.08 ? storyNames[random.Next(3)] : roll < 0.3 ? storyWords[random.Next(8)] : Background(random)).Append(w % 15 == 14 ? ". " : " ");
            }

            yield return new StoryDocument($"a{i}", title, text.ToString(), start.AddSeconds(20.0 * i), $"p{random.Next(200)}", null);
        }
    }

    private static string Name(int story, int k)
    {
        var name = Syllables((story * 3L) + k) + "ov";
        return string.Concat(name[..1].ToUpperInvariant(), name.AsSpan(1));
    }

    // A pronounceable letters-only word for a number: base-80 consonant-vowel syllables, at least two.
    private static string Syllables(long n)
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var word = new StringBuilder();
        for (var i = 0; i < 2 || n > 0; i++)
        {
            var syllable = (int)(n % 80);
            word.Append(consonants[syllable / 5]).Append(vowels[syllable % 5]);
            n /= 80;
        }

        return word.ToString();
    }

    private static string Background(Random random)
    {
        // Zipf-like over 30,000 words: rank = floor(30000^u).
        var rank = (int)Math.Pow(30_000, random.NextDouble());
        return Syllables(rank);
    }
}

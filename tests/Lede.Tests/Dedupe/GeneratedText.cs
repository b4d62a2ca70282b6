using System.Text;

namespace Lede.Tests.Dedupe;

/// <summary>Deterministic synthetic articles: pseudo-words drawn with a Zipf-like skew, as in real prose.</summary>
internal static class GeneratedText
{
    private static readonly string[] Syllables = ["ka", "lo", "mer", "tin", "sa", "ve", "ro", "pla", "dun", "e", "qui", "zor", "an", "bel", "ti", "cor"];

    public static string Article(int seed, int words)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            // Squaring a uniform draw favours the low ranks: a few words are common, most are rare.
            var u = random.NextDouble();
            var rank = (int)(u * u * 20_000);
            sb.Append(Word(rank)).Append(i % 17 == 16 ? ". " : " ");
        }

        return sb.ToString();
    }

    private static string Word(int rank)
    {
        var sb = new StringBuilder();
        do
        {
            sb.Append(Syllables[rank % Syllables.Length]);
            rank /= Syllables.Length;
        }
        while (rank > 0);
        return sb.ToString();
    }
}

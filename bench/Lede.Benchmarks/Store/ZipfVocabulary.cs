using System.Text;

namespace Lede.Benchmarks.Store;

/// <summary>A made-up vocabulary whose word frequencies follow Zipf's law, as natural text does, plus real topical words.</summary>
/// <remarks>
/// Word <c>r</c> (1-based rank) is drawn with probability proportional to <c>1 / r^s</c>; the words are pronounceable
/// syllable strings, so a search index sees realistic token lengths and a realistic long tail of rare words.
/// </remarks>
internal sealed class ZipfVocabulary
{
    private static readonly string[] Syllables =
    [
        "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "qui", "ro", "su", "ta", "ve", "wi", "xo", "yu", "za",
        "bra", "cle", "dri", "flo", "gru", "pla", "stre", "tri", "vor", "mel", "san", "ter", "lin", "cor", "dan", "rex", "mon", "tal",
    ];

    /// <summary>Words a news desk follows: each article carries a few from its story's theme.</summary>
    public static readonly string[] Topical =
    [
        "facial", "recognition", "privacy", "surveillance", "police", "camera", "ban", "moratorium", "court", "regulation",
        "algorithm", "bias", "dataset", "model", "robot", "autonomous", "vehicle", "drone", "chip", "startup", "funding",
        "election", "council", "minister", "lawsuit", "researchers", "university", "hospital", "vaccine", "climate",
        "energy", "battery", "satellite", "launch", "earnings", "shares", "merger", "strike", "union", "protest",
    ];

    private readonly string[] _words;
    private readonly double[] _cumulative;

    public ZipfVocabulary(int size, double exponent, int seed)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        _words = new string[size];
        for (var i = 0; i < size; i++)
        {
            string word;
            do
            {
                var builder = new StringBuilder();
                // Frequent words are short, as in real language.
                var syllables = 1 + Math.Min(4, (int)Math.Log10(i + 2)) + random.Next(2);
                for (var s = 0; s < syllables; s++)
                {
                    builder.Append(Syllables[random.Next(Syllables.Length)]);
                }

                word = builder.ToString();
            }
            while (!seen.Add(word));

            _words[i] = word;
        }

        _cumulative = new double[size];
        var sum = 0.0;
        for (var i = 0; i < size; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, exponent);
            _cumulative[i] = sum;
        }

        for (var i = 0; i < size; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public int Count => _words.Length;

    /// <summary>The word of a 0-based rank.</summary>
    public string this[int rank] => _words[rank];

    /// <summary>A word drawn by frequency.</summary>
    public string Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _words[Math.Min(index < 0 ? ~index : index, _words.Length - 1)];
    }

    /// <summary>Text of about <paramref name="length"/> characters: Zipf words with the theme's topical words mixed in.</summary>
    public string Text(Random random, int length, IReadOnlyList<string> theme, double topicalShare)
    {
        var builder = new StringBuilder(length + 16);
        while (builder.Length < length)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(theme.Count > 0 && random.NextDouble() < topicalShare ? theme[random.Next(theme.Count)] : Next(random));
        }

        return builder.ToString();
    }
}

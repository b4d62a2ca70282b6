using System.Globalization;
using System.Text;

namespace Lede.Enrich;

/// <summary>
/// The article-extraction benchmark's metric (scrapinghub's <c>evaluate.py</c>): <c>\w+</c> tokens, multisets of
/// 4-token shingles, per-page TP/FP/FN normalised to sum 1, precision and recall averaged over pages, F1 of the means.
/// </summary>
public static class ExtractionScore
{
    /// <summary>Shingle length.</summary>
    public const int ShingleSize = 4;

    /// <summary>The <c>\w+</c> tokens of Python's <c>re</c> with Unicode: letters, numbers (any kind) and '_'; case kept.</summary>
    /// <remarks>Not .NET's <c>\w</c>, which also takes combining marks and every connector and leaves out No/Nl numbers.</remarks>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var word = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) == System.Buffers.OperationStatus.Done && IsWord(rune);
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }

            i += Math.Max(1, used);
        }

        if (start >= 0) tokens.Add(text[start..]);
        return tokens;
    }

    private static bool IsWord(Rune r)
    {
        if (r.Value < 128) return char.IsAsciiLetterOrDigit((char)r.Value) || r.Value == '_';
        return Rune.GetUnicodeCategory(r) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>The multiset of shingles; a text shorter than a shingle is one shingle of all its tokens.</summary>
    public static IReadOnlyDictionary<string, int> Shingles(string? text)
    {
        var tokens = Tokenize(text).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = Math.Max(1, tokens.Length - ShingleSize + 1);
        for (var i = 0; i < n && tokens.Length > 0; i++)
        {
            // A separator no token can contain keeps ("a b", "c") and ("a", "b c") apart.
            var key = string.Join('\u0001', tokens, i, Math.Min(ShingleSize, tokens.Length - i));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>Scores one page.</summary>
    public static ShingleMatch Match(string? truth, string? prediction)
    {
        var t = Shingles(truth);
        var p = Shingles(prediction);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, tc) in t)
        {
            var pc = p.GetValueOrDefault(key);
            tp += Math.Min(tc, pc);
            fn += Math.Max(0, tc - pc);
        }

        foreach (var (key, pc) in p)
        {
            fp += Math.Max(0, pc - t.GetValueOrDefault(key));
        }

        var sum = tp + fp + fn;
        return sum > 0 ? new ShingleMatch(tp / sum, fp / sum, fn / sum) : new ShingleMatch(0, 0, 0);
    }

    /// <summary>Means of the page precisions (pages with a prediction) and recalls (pages with a truth), and their F1.</summary>
    public static ExtractionMetrics Aggregate(IReadOnlyCollection<ShingleMatch> pages)
    {
        var precisions = pages.Where(m => m.TruePositive + m.FalsePositive > 0).Select(m => m.Precision).ToList();
        var recalls = pages.Where(m => m.TruePositive + m.FalseNegative > 0).Select(m => m.Recall).ToList();
        var p = precisions.Count > 0 ? precisions.Average() : 0;
        var r = recalls.Count > 0 ? recalls.Average() : 0;
        return new ExtractionMetrics(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, pages.Count);
    }
}

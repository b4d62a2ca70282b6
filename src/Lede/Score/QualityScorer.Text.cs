using System.Globalization;
using Lede.Normalize;

namespace Lede.Score;

/// <summary>The rules that read the article's words: body, extraction, author, date, excerpt, headline, labels, mojibake.</summary>
public sealed partial class QualityScorer
{
    /// <summary>Readability's charThreshold: less main text than this means extraction failed.</summary>
    private const int ExtractionThreshold = 500;
    private const int MaxClickbait = 15;
    private const int MojibakeScan = 50_000;

    // A wire service's own article is the original, never a wire copy.
    private static readonly HashSet<string> WireDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "apnews.com", "ap.org", "reuters.com", "afp.com", "upi.com", "dpa.com", "efe.com", "ansa.it", "pa.media", "aap.com.au",
        "kyodonews.net", "xinhuanet.com", "tass.com", "bloomberg.com",
    };

    private static void AddTextRules(QualityInput input, List<QualityPoint> points)
    {
        var text = input.FullText ?? "";
        var words = CountWords(text);
        var (bandPoints, band) = words switch
        {
            < 80 => (0, "under 80"),
            < 250 => (10, "80–250"),
            < 600 => (20, "250–600"),
            _ => (30, "600 or more"),
        };
        points.Add(new("body-length", bandPoints, string.Create(CultureInfo.InvariantCulture, $"main text has {words} words ({band})")));

        var length = text.Trim().Length;
        if (length < ExtractionThreshold)
        {
            points.Add(new("extraction-failed", -10, length == 0
                ? "no main text was extracted"
                : string.Create(CultureInfo.InvariantCulture, $"main text is only {length} characters (under {ExtractionThreshold})")));
        }

        if (input.HasAuthor)
        {
            points.Add(new("author", 10, "names an author"));
        }

        if (input.HasPublishedDate)
        {
            points.Add(new("date", 5, "gives a publication date"));
        }

        if (input.ExcerptIsBoilerplate)
        {
            points.Add(new("boilerplate-excerpt", -10, "excerpt is the site's boilerplate description, not about this article"));
        }
        else if (CountWords(input.Excerpt ?? "") >= 8 && !SameText(input.Excerpt, input.Title))
        {
            points.Add(new("excerpt", 5, "has an excerpt of its own"));
        }

        var badness = Garbled(input.Title) + Garbled(input.Excerpt) + Garbled(Head(text, MojibakeScan));
        if (badness > 0)
        {
            points.Add(new("mojibake", -5, string.Create(CultureInfo.InvariantCulture, $"{badness} garbled character sequence(s) left after repair")));
        }
    }

    private static void AddHeadlineRules(QualityInput input, List<QualityPoint> points, List<string> tags)
    {
        var hits = Clickbait.Hits(input.Title);
        if (hits.Count > 0)
        {
            var total = Math.Min(MaxClickbait, hits.Sum(h => h.Points));
            points.Add(new("clickbait", -total, "clickbait headline: " + string.Join("; ", hits.Select(h => h.Why))));
        }

        if (ContentLabels.Sponsored(input) is { } sponsored)
        {
            points.Add(new("sponsored", -15, $"sponsored or advertorial content: {sponsored}"));
            tags.Add("sponsored");
        }

        if (ContentLabels.Opinion(input) is { } opinion)
        {
            points.Add(new(opinion.Label, 0, $"labelled {opinion.Label}: {opinion.Why}"));
            tags.Add(opinion.Label);
        }
    }

    private static void AddWireRule(QualityInput input, List<QualityPoint> points, List<string> tags)
    {
        if (!input.IsWireCopy || (input.Domain is { } domain && WireDomains.Contains(domain.Trim().TrimEnd('.'))))
        {
            return;
        }

        var source = string.IsNullOrWhiteSpace(input.WireSource) ? "" : $" (via {input.WireSource.Trim()})";
        points.Add(new("wire-copy", -10, $"near-duplicate of another provider's earlier article{source}"));
        tags.Add("wire copy");
    }

    /// <summary>Words of running text; CJK, kana and Hangul, written without spaces, count one word per two characters.</summary>
    internal static int CountWords(string text)
    {
        var words = 0;
        var dense = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF'))
            {
                dense++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    words++;
                }

                inWord = true;
            }
            else if (c is not ('\'' or '’' or '-'))
            {
                inWord = false;
            }
        }

        return words + ((dense + 1) / 2);
    }

    private static bool SameText(string? a, string? b)
        => string.Equals(a?.Trim().TrimEnd('.', '…'), b?.Trim().TrimEnd('.', '…'), StringComparison.OrdinalIgnoreCase);

    private static string Head(string text, int max) => text.Length > max ? text[..max] : text;

    /// <summary>Mojibake runs and C1 controls (<see cref="Mojibake.Badness"/>) plus U+FFFD replacement characters.</summary>
    private static int Garbled(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        // Every mojibake run starts with a character in U+00C2–U+00F4 and Badness also counts C1 controls; text with
        // neither (nearly all text) skips the run-by-run scan.
        var span = text.AsSpan();
        var badness = span.IndexOfAnyInRange('\u00C2', '\u00F4') >= 0 || span.IndexOfAnyInRange('\u0080', '\u009F') >= 0 ? Mojibake.Badness(text) : 0;
        return badness + span.Count('\uFFFD');
    }
}

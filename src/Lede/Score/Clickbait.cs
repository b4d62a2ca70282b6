using System.Text.RegularExpressions;

namespace Lede.Score;

/// <summary>Headline patterns that bait clicks rather than inform: listicles, teasers, hype, shouting, second person.</summary>
/// <remarks>
/// After Chakraborty et al. 2016 ("Stop Clickbait"). Tuned for precision on real feed headlines: a pattern fires only in
/// its clickbait form ("5 things", not "G7 leaders" or "3 people killed"; "You won't believe", not "Youth"), and each
/// family fires at most once. Strong patterns cost <see cref="Strong"/> points, mild ones ("Why X matters", "what you
/// need to know", "stunning") <see cref="Mild"/>.
/// </remarks>
internal static partial class Clickbait
{
    public const int Strong = 5;
    public const int Mild = 2;
    private const int MaxTitle = 400;
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private static readonly (Func<Regex> Pattern, int Points, string Why)[] Families =
    [
        (Listicle, Strong, "numbered list headline"),
        (Teaser, Strong, "teaser phrase"),
        (StrongHype, Strong, "hyperbole"),
        (Punctuation, Strong, "'!!' or '?!' punctuation"),
        (SecondPersonOpener, Strong, "opens by addressing the reader"),
        (DemonstrativeTeaser, Strong, "'this is why' opener"),
        (MildHype, Mild, "hype word"),
        (Service, Mild, "'what you need to know' phrase"),
        (WhyMatters, Mild, "'why … matters' headline"),
        (DemonstrativeOpener, Mild, "'this … will' opener"),
    ];

    /// <summary>The families that fired on <paramref name="title"/>, each with its points (positive: the penalty) and what matched.</summary>
    public static IReadOnlyList<(int Points, string Why)> Hits(string? title)
    {
        var hits = new List<(int, string)>();
        var text = Prepare(title);
        if (text.Length == 0)
        {
            return hits;
        }

        // Quoted words are someone else's ("Phase Out 'Shocking,' Experts Say"), so the words families read the rest.
        var unquoted = Unquote(text);
        foreach (var (pattern, points, why) in Families)
        {
            try
            {
                var match = pattern().Match(pattern == Punctuation ? text : unquoted);
                if (match.Success)
                {
                    hits.Add((points, $"{why}: \"{match.Value.Trim()}\""));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological headline is not evidence of clickbait.
            }
        }

        try
        {
            if (Shouting(text) is { } shouted)
            {
                hits.Add((Strong, $"mostly capitals: \"{shouted}\""));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // As above: no evidence either way.
        }

        return hits;
    }

    /// <summary>Several long words in capitals, making up more than 30 % of the words: shouting, not acronyms (NASA, FBI).</summary>
    /// <remarks>A leading label ("WATCH:", "LIVE:") and bracketed asides ("(TWTR)", "[UPDATED]") are conventions, not shouting.</remarks>
    private static string? Shouting(string text)
    {
        text = Bracketed().Replace(Label().Replace(text, ""), " ");
        var words = text.Split((char[])[' ', ':', ',', '-', '—', '–', '.', '"', '\'', '“', '”', '‘', '’', '!', '?', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Count(char.IsLetter) >= 3)
            .ToList();
        var shouting = words.Where(w => w.Count(char.IsLetter) >= 4 && w.Where(char.IsLetter).All(char.IsUpper)).ToList();
        if (shouting.Count < 2 || shouting.Count <= 0.3 * words.Count)
        {
            return null;
        }

        return string.Join(' ', shouting.Take(4));
    }

    private static string Prepare(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "";
        }

        var text = title.Length > MaxTitle ? title[..MaxTitle] : title;
        text = text.Replace('’', '\'').Replace('‘', '\'').Replace('\u00A0', ' ');
        return string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Unquote(string text)
    {
        try
        {
            return Quoted().Replace(text, " ");
        }
        catch (RegexMatchTimeoutException)
        {
            return text;
        }
    }

    [GeneratedRegex(@"(?<=^|[\s(\[])['""“‘][^'""“”‘’]{1,80}['""”’](?=[\s,.:;!?)\]]|$)", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\s*[A-Z][A-Z ]{1,20}:\s", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Label();

    [GeneratedRegex(@"\([^()]{0,40}\)|\[[^\[\]]{0,40}\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Bracketed();

    // "5 things", "Here are 10 ways", "The 7 best tips", "Opinion: 3 reasons"; the count opens the headline or follows a label.
    [GeneratedRegex(@"(^|:\s*)((here\s+are|these\s+are|these|the|top)\s+)?(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|fifty)\s+([\w'-]+\s+){0,2}?(things|ways|reasons|tips|tricks|signs|secrets|facts|mistakes|lessons|habits|hacks|ideas|questions|photos|pictures|pics|gifs|memes|tweets|quotes|celebrities|moments|products|gadgets|foods|places|myths|rules|truths|struggles|charts)\b|^top\s+\d{1,3}\b", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex Listicle();

    [GeneratedRegex(@"\b(you\s+won't\s+believe|you\s+will\s+not\s+believe|won't\s+believe\s+(what|how|who|why)|what\s+happened\s+next|here'?s\s+why|here\s+is\s+why|you'll\s+never\s+guess|(will|going\s+to)\s+blow\s+your\s+mind|one\s+(weird|simple)\s+trick|doctors\s+hate|wait\s+(till|until)\s+you\s+see|(goes|went)\s+viral|(breaks|broke)\s+the\s+internet|can't\s+stop\s+(laughing|watching|crying)|number\s+\d+\s+will|will\s+(shock|surprise|amaze)\s+you|(this|that)\s+changes\s+everything|you\s+have\s+to\s+see)\b", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex Teaser();

    [GeneratedRegex(@"\b(shocking|unbelievable|jaw[- ]?dropping|mind[- ]?blowing|insane|omg|wtf)\b", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex StrongHype();

    [GeneratedRegex(@"!!|\?!|!\?|\?\?", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"^(you|you'll|you're|you've|you'd|(do|are|can|did|have|would|should|could|will)\s+you|ever\s+wonder(ed)?)\b", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex SecondPersonOpener();

    [GeneratedRegex(@"^((this|that)\s+is\s+(why|what|how|the\s+reason)|these\s+are\s+the\s+\w+\s+(that|who|you))\b", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex DemonstrativeTeaser();

    [GeneratedRegex(@"\b(amazing|incredible|heartbreaking|hilarious|adorable|awesome|terrifying|genius|epic\s+fail|bizarre)\b", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex MildHype();

    [GeneratedRegex(@"\b((everything|what)\s+you\s+need\s+to\s+know|here'?s\s+(what|how)|here\s+is\s+(what|how))\b", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex Service();

    [GeneratedRegex(@"^why\b.{1,120}\bmatters?\b|\bwhy\s+(it|this|that|they|he|she)\s+matters?\b", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex WhyMatters();

    // "This startup just raised…", "These gadgets will…"; not "This week…", "This year's budget…".
    [GeneratedRegex(@"^(this|these)\s+(?!(week|weekend|year|year's|month|morning|afternoon|evening|season|summer|winter|spring|autumn|fall|time|day|is|are)\b)([\w'-]+\s+){1,3}?(will|just|could|might)\b", Options, matchTimeoutMilliseconds: 100)]
    private static partial Regex DemonstrativeOpener();
}

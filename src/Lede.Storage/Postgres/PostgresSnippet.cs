using System.Text;
using Lede.Store;

namespace Lede.Storage.Postgres;

/// <summary>
/// A hit's snippet made here rather than by <c>ts_headline</c> (~0.5 ms of server CPU per hit, most of a common word's
/// search): the text's words, the window of <see cref="MaxWords"/> holding the most of the query's words, those marked.
/// </summary>
/// <remarks>
/// Which words match is PostgreSQL's to say (its parser and English stemmer): the search asks it once for the stems of
/// the few words that could stem to a query lexeme (<see cref="MayStemTo"/>), then <see cref="Build"/> marks them. A word
/// is a run of letters, digits and combining marks, as PostgreSQL's parser splits plain text.
/// </remarks>
internal static class PostgresSnippet
{
    /// <value>Default: 35 words, as the <c>ts_headline</c> it replaces (MaxWords=35).</value>
    public const int MaxWords = 35;

    /// <value>Default: the first 100,000 characters, as the search vector indexes of an excerpt.</value>
    public const int MaxChars = 100_000;

    /// <summary>The words of <paramref name="text"/> (its first <see cref="MaxChars"/> characters), as ranges.</summary>
    public static List<Range> Words(string text)
    {
        var words = new List<Range>();
        var end = Math.Min(text.Length, MaxChars);
        var start = -1;
        for (var i = 0; i <= end; i++)
        {
            var inWord = i < end && IsWordChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(start..i);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>Whether the lower-cased <paramref name="word"/> could stem to one of <paramref name="lexemes"/>.</summary>
    /// <remarks>
    /// The English (Porter2) stemmer only cuts a suffix and may then change the last letter or two of what is left
    /// (<c>happy</c> to <c>happi</c>, <c>probability</c> to <c>probabl</c>), so a word that stems to a lexeme starts with
    /// the lexeme less its last two letters; its only exceptions (<c>dying</c>, <c>lying</c>, <c>tying</c>) end in
    /// <c>ie</c>. A cheap filter that lets through more than match, never less.
    /// </remarks>
    public static bool MayStemTo(string word, IReadOnlyCollection<string> lexemes)
    {
        foreach (var lexeme in lexemes)
        {
            var stem = lexeme.AsSpan(0, Math.Max(1, lexeme.Length - 2));
            if (word.AsSpan().StartsWith(stem, StringComparison.Ordinal)
                || (lexeme.EndsWith("ie", StringComparison.Ordinal) && word.StartsWith(string.Concat(lexeme.AsSpan(0, lexeme.Length - 2), "y"), StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The distinct lower-cased words of <paramref name="text"/> that could match, added to <paramref name="into"/>.</summary>
    public static void AddCandidates(string text, IReadOnlyCollection<string> lexemes, HashSet<string> into)
    {
        foreach (var word in Words(text))
        {
            var lower = text[word].ToLowerInvariant();
            if (!into.Contains(lower) && MayStemTo(lower, lexemes))
            {
                into.Add(lower);
            }
        }
    }

    /// <summary>
    /// The <see cref="MaxWords"/> words of <paramref name="text"/> around its matches, each match between
    /// <see cref="SearchHit.MarkStart"/> and <see cref="SearchHit.MarkEnd"/>; null when no word matches.
    /// </summary>
    /// <param name="text">The text, as stored.</param>
    /// <param name="matches">The lower-cased words that match.</param>
    public static string? Build(string text, IReadOnlySet<string> matches)
    {
        var words = Words(text);
        var marked = new bool[words.Count];
        var any = false;
        for (var i = 0; i < words.Count; i++)
        {
            marked[i] = matches.Contains(text[words[i]].ToLowerInvariant());
            any |= marked[i];
        }

        if (!any)
        {
            return null;
        }

        var (first, last) = Window(text, words, marked);
        var snippet = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            if (i > first)
            {
                snippet.Append(text.AsSpan(words[i - 1].End.Value, words[i].Start.Value - words[i - 1].End.Value));
            }

            if (marked[i])
            {
                snippet.Append(SearchHit.MarkStart).Append(text.AsSpan()[words[i]]).Append(SearchHit.MarkEnd);
            }
            else
            {
                snippet.Append(text.AsSpan()[words[i]]);
            }
        }

        return snippet.ToString();
    }

    /// <summary>The first <see cref="MaxWords"/> words of <paramref name="text"/>, unmarked (a hit matched elsewhere).</summary>
    public static string Head(string text)
    {
        var words = Words(text);
        return words.Count == 0 ? "" : text[words[0].Start.Value..words[Math.Min(words.Count, MaxWords) - 1].End.Value];
    }

    // The window starting at a match that holds the most distinct matched words (the first such), filled out to MaxWords
    // words before it when it runs into the end.
    private static (int First, int Last) Window(string text, List<Range> words, bool[] marked)
    {
        var best = -1;
        var bestCount = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < words.Count; start++)
        {
            if (!marked[start])
            {
                continue;
            }

            seen.Clear();
            for (var i = start; i < Math.Min(words.Count, start + MaxWords); i++)
            {
                if (marked[i])
                {
                    seen.Add(text[words[i]].ToLowerInvariant());
                }
            }

            if (seen.Count > bestCount)
            {
                (best, bestCount) = (start, seen.Count);
            }
        }

        var last = Math.Min(words.Count, best + MaxWords) - 1;
        return (Math.Max(0, last - MaxWords + 1), last);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}

using System.Text;

namespace Lede.Storage.Search;

/// <summary>What a user typed into a search, read as terms: words and <c>"quoted phrases"</c> that must all match, and <c>-excluded</c> ones.</summary>
/// <remarks>
/// Nothing in the text is store syntax: operators, <c>*</c>, <c>:</c>, parentheses and stray quotes are just characters,
/// so each store quotes every term it builds from these. A term is a list of words (one word, or a phrase's words);
/// words without a letter or digit are dropped, since no store would index them.
/// </remarks>
public sealed record SearchTerms(IReadOnlyList<IReadOnlyList<string>> Required, IReadOnlyList<IReadOnlyList<string>> Excluded)
{
    /// <value>At most 64 terms in one search.</value>
    public const int MaxTerms = 64;

    /// <summary>Reads <paramref name="text"/>; an unclosed quote runs to the end.</summary>
    /// <exception cref="ArgumentException">Nothing in the text can be searched for, or it has more than <see cref="MaxTerms"/> terms.</exception>
    public static SearchTerms Parse(string? text)
    {
        var required = new List<IReadOnlyList<string>>();
        var excluded = new List<IReadOnlyList<string>>();
        var s = Clean(text ?? "");
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == ' ')
            {
                i++;
                continue;
            }

            var negate = s[i] == '-';
            if (negate)
            {
                i++;
            }

            string chunk;
            if (i < s.Length && s[i] == '"')
            {
                var end = s.IndexOf('"', i + 1);
                end = end < 0 ? s.Length : end;
                chunk = s[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var end = s.IndexOfAny([' ', '"'], i);
                end = end < 0 ? s.Length : end;
                chunk = s[i..end];
                i = end;
            }

            var words = chunk.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(IsSearchable).ToList();
            if (words.Count > 0)
            {
                (negate ? excluded : required).Add(words);
            }
        }

        if (required.Count == 0)
        {
            throw new ArgumentException(excluded.Count == 0
                ? "the search has no word to look for (words need a letter or a digit)"
                : "the search only excludes words; give at least one word to look for", nameof(text));
        }

        if (required.Count + excluded.Count > MaxTerms)
        {
            throw new ArgumentException($"the search has {required.Count + excluded.Count} terms; at most {MaxTerms} are allowed", nameof(text));
        }

        return new SearchTerms(required, excluded);
    }

    /// <summary>Whether a word holds anything a full-text index keeps (a letter or a digit).</summary>
    public static bool IsSearchable(string word) => word.Any(char.IsLetterOrDigit);

    // Control characters (NUL, the snippet marks) and every kind of space become one plain space.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}

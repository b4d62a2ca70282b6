using System.Text;

namespace Lede.Storage.Postgres;

/// <summary>
/// Rewrites a tsquery's two-word phrases into the pair lexemes the search index holds (migration 005), so the index
/// finds a phrase's rows without checking positions: <c>'a' &lt;-&gt; 'b'</c> becomes <c>' a b'</c>, or
/// <c>( ' a b' | ' nopairs' &amp; 'a' &lt;-&gt; 'b' )</c> when some vector has no pairs: exactly the same rows of article_search.
/// </summary>
/// <remarks>
/// Reads and writes PostgreSQL's text form of a tsquery: lexemes in single quotes (a quote or backslash in one doubled),
/// weights or <c>:*</c> after a lexeme, operators <c>&amp; | ! &lt;-&gt; &lt;N&gt;</c> and parentheses. Only a phrase
/// of two plain lexemes at distance 1 whose parent is a boolean operator (or the whole query) is rewritten: within a
/// longer phrase its words need their positions. Anything it does not recognise is left as it is (the search is then
/// checked by position, as before), so odd text costs time, never a wrong answer.
/// </remarks>
internal static class PostgresPhrasePairs
{
    /// <summary>The lexeme of a vector that has no pairs (too large, or a lexeme without positions).</summary>
    public const string NoPairs = " nopairs";

    /// <summary>A tsquery of <see cref="NoPairs"/> alone, as text.</summary>
    public const string NoPairsQuery = "' nopairs'";

    /// <summary>The longest pair lexeme made, in UTF-8 bytes (as lede_search_vector: a space before each lexeme).</summary>
    public const int MaxPairBytes = 2000;

    /// <summary>The query with its two-word phrases as pair lexemes: with <paramref name="unpaired"/> (some vector of the
    /// index holds no pairs) as <c>( ' a b' | ' nopairs' &amp; 'a' &lt;-&gt; 'b' )</c>, else as <c>' a b'</c> alone.</summary>
    /// <remarks>The second form is what pays: an OR makes the index read the words' own lists as well.</remarks>
    public static string Rewrite(string query, bool unpaired)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = Tokenize(query);
        if (tokens is null || GroupInPhrase(tokens))
        {
            return query;
        }

        var output = new StringBuilder(query.Length * 2);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IsPair(tokens, i) && PairLexeme(tokens[i].Lexeme!, tokens[i + 2].Lexeme!) is { } pair)
            {
                if (unpaired)
                {
                    output.Append("( ").Append(Quote(pair)).Append(" | ").Append(Quote(NoPairs)).Append(" & ")
                          .Append(tokens[i].Text).Append(" <-> ").Append(tokens[i + 2].Text).Append(" ) ");
                }
                else
                {
                    output.Append(Quote(pair)).Append(' ');
                }

                i += 2;
                continue;
            }

            output.Append(tokens[i].Text).Append(' ');
        }

        return output.ToString().TrimEnd();
    }

    // A phrase of two plain lexemes at tokens i..i+2, an operand of a boolean operator: before it the start, & or |
    // (or an opening parenthesis after one of those or !), after it the end, & or | (or a closing parenthesis that
    // closes that same group, followed by one of those). ! binds tighter than <->, so "! 'a' <-> 'b'" is not one.
    private static bool IsPair(List<Token> tokens, int i)
    {
        if (i + 2 >= tokens.Count || tokens[i].Lexeme is null || tokens[i + 2].Lexeme is null || tokens[i + 1].Text != "<->")
        {
            return false;
        }

        static bool Boolean(Token? t) => t is null || t.Value.Text is "&" or "|";
        var before = i > 0 ? tokens[i - 1] : (Token?)null;
        var after = i + 3 < tokens.Count ? tokens[i + 3] : (Token?)null;
        if (Boolean(before) && Boolean(after))
        {
            return true;
        }

        // "( 'a' <-> 'b' )" as a whole operand: !( … ) is how a query excludes a phrase.
        var open = before is { Text: "(" } && (i < 2 || tokens[i - 2].Text is "&" or "|" or "!" or "(");
        var close = after is { Text: ")" } && (i + 4 >= tokens.Count || tokens[i + 4].Text is "&" or "|" or ")");
        return open && close;
    }

    // A group that is an operand of a phrase ("( … ) <-> 'c'"): nothing inside it may lose its positions, and telling
    // which phrases are inside is more than websearch_to_tsquery ever needs (it makes no such group): none is rewritten.
    private static bool GroupInPhrase(List<Token> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if ((tokens[i].Text == ")" && tokens[i + 1].Text.StartsWith('<')) || (tokens[i].Text.StartsWith('<') && tokens[i + 1].Text is "(" or "!"))
            {
                return true;
            }
        }

        return false;
    }

    private static string? PairLexeme(string first, string second)
        => Encoding.UTF8.GetByteCount(first) + Encoding.UTF8.GetByteCount(second) + 2 <= MaxPairBytes ? $" {first} {second}" : null;

    private static string Quote(string lexeme) => "'" + lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The tokens, or null when the text holds anything else (then nothing is rewritten).</summary>
    private static List<Token>? Tokenize(string query)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < query.Length;)
        {
            var c = query[i];
            if (c == ' ')
            {
                i++;
            }
            else if (c is '&' or '|' or '!' or '(' or ')')
            {
                tokens.Add(new Token(c.ToString(), null));
                i++;
            }
            else if (c == '<')
            {
                var end = query.IndexOf('>', i);
                if (end < 0)
                {
                    return null;
                }

                tokens.Add(new Token(query[i..(end + 1)], null));
                i = end + 1;
            }
            else if (c == '\'')
            {
                var start = i;
                var lexeme = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= query.Length)
                    {
                        return null;
                    }

                    if (query[i] == '\\' && i + 1 < query.Length)
                    {
                        lexeme.Append(query[i + 1]);
                        i += 2;
                    }
                    else if (query[i] == '\'' && i + 1 < query.Length && query[i + 1] == '\'')
                    {
                        lexeme.Append('\'');
                        i += 2;
                    }
                    else if (query[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        lexeme.Append(query[i++]);
                    }
                }

                // A weight or prefix mark makes it no plain lexeme: kept, never paired.
                var plain = true;
                if (i < query.Length && query[i] == ':')
                {
                    plain = false;
                    i++;
                    while (i < query.Length && (query[i] == '*' || char.IsAsciiLetter(query[i])))
                    {
                        i++;
                    }
                }

                tokens.Add(new Token(query[start..i], plain ? lexeme.ToString() : null));
            }
            else
            {
                return null;
            }
        }

        return tokens;
    }

    /// <summary>A token's text as written, and its lexeme when it is a plain one.</summary>
    private readonly record struct Token(string Text, string? Lexeme);
}

namespace Lede.Storage.Postgres;

/// <summary>The lexemes a tsquery looks for (not those it excludes), read from its text form: what a snippet marks.</summary>
/// <remarks>
/// The text form is PostgreSQL's output of a tsquery: lexemes in single quotes (a quote or backslash in one doubled),
/// operators <c>&amp; | ! &lt;-&gt; &lt;N&gt;</c>, parentheses, and <c>:*</c> or weights after a lexeme. A lexeme under
/// an odd number of <c>!</c> is excluded. Anything else is skipped, so odd text yields fewer lexemes, never an error.
/// </remarks>
internal static class PostgresQueryLexemes
{
    public static HashSet<string> Read(string? query)
    {
        var lexemes = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(query))
        {
            return lexemes;
        }

        // Whether each open parenthesis is negated; a ! applies to the lexeme or group right after it.
        var negated = new Stack<bool>();
        var inGroup = false;
        var not = false;
        for (var i = 0; i < query.Length; i++)
        {
            switch (query[i])
            {
                case '!':
                    not = !not;
                    break;
                case '(':
                    negated.Push(inGroup);
                    inGroup ^= not;
                    not = false;
                    break;
                case ')':
                    inGroup = negated.Count > 0 && negated.Pop();
                    not = false;
                    break;
                case '\'':
                    var lexeme = Quoted(query, ref i);
                    if (!(inGroup ^ not) && lexeme.Length > 0)
                    {
                        lexemes.Add(lexeme);
                    }

                    not = false;
                    break;
            }
        }

        return lexemes;
    }

    // From the opening quote at i to its closing quote (i is left there); a doubled quote or backslash is one.
    private static string Quoted(string query, ref int i)
    {
        var text = new System.Text.StringBuilder();
        for (i++; i < query.Length; i++)
        {
            var c = query[i];
            if ((c == '\'' || c == '\\') && i + 1 < query.Length && query[i + 1] == c)
            {
                text.Append(c);
                i++;
            }
            else if (c == '\'')
            {
                break;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}

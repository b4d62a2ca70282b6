using System.Globalization;
using System.Text;
using Lede.Storage.Search;

namespace Lede.Storage.Sqlite;

/// <summary>Writes an FTS5 MATCH expression for <c>article_search</c> (migration 005) from search terms and filters.</summary>
/// <remarks>
/// Every term is one FTS5 string, so nothing a user types is FTS5 syntax. User terms only reach the public text
/// columns; the filters are tokens of the <c>facets</c> column, which no user term can name.
/// </remarks>
internal static class Fts5Query
{
    private const string TextColumns = "{title excerpt provider topics}";

    /// <summary>The MATCH text; <paramref name="topicIds"/> non-null means "carries one of these topics".</summary>
    public static string Build(SearchTerms terms, IReadOnlyCollection<long>? topicIds, bool publishedOnly)
    {
        var match = new StringBuilder();
        match.Append(TextColumns).Append(" : ((").AppendJoin(" AND ", terms.Required.Select(Quote)).Append(')');
        if (terms.Excluded.Count > 0)
        {
            match.Append(" NOT (").AppendJoin(" OR ", terms.Excluded.Select(Quote)).Append(')');
        }

        match.Append(')');
        if (topicIds is not null)
        {
            match.Append(" AND facets : (")
                .AppendJoin(" OR ", topicIds.Select(id => string.Create(CultureInfo.InvariantCulture, $"\"ltopic{id}\"")))
                .Append(')');
        }

        if (publishedOnly)
        {
            match.Append(" AND facets : \"lpub1\"");
        }

        return match.ToString();
    }

    // An FTS5 string: the words of a term between double quotes, any quote inside doubled.
    private static string Quote(IReadOnlyList<string> words)
        => "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

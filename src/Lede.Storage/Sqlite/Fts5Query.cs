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
    public static string Build(SearchTerms terms, IReadOnlyCollection<long>? topicIds, bool publishedOnly, IReadOnlyCollection<string>? dates = null)
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

        if (dates is { Count: > 0 })
        {
            match.Append(" AND facets : (").AppendJoin(" OR ", dates.Select(d => $"\"{d}\"")).Append(')');
        }

        return match.ToString();
    }

    /// <summary>
    /// The date facets that cover every time from <paramref name="since"/> to the end of <paramref name="lastYear"/>: the
    /// rest of its day's month day by day, the rest of its year month by month, then whole years. Null when that takes
    /// too many tokens (a far-future date); the caller's exact time filter still applies either way.
    /// </summary>
    public static IReadOnlyList<string>? Dates(DateTime since, int lastYear)
    {
        if (lastYear - since.Year > MaxFacetYears)
        {
            return null;
        }

        var tokens = new List<string>();
        for (var day = since.Date; day.Month == since.Month && day.Year == since.Year; day = day.AddDays(1))
        {
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"ld{day:yyyyMMdd}"));
        }

        for (var month = since.Month + 1; month <= 12; month++)
        {
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"lm{since.Year:D4}{month:D2}"));
        }

        for (var year = since.Year + 1; year <= lastYear; year++)
        {
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"ly{year:D4}"));
        }

        return tokens;
    }

    /// <value>At most 30 whole years of date facets in one query.</value>
    private const int MaxFacetYears = 30;

    // An FTS5 string: the words of a term between double quotes, any quote inside doubled.
    private static string Quote(IReadOnlyList<string> words)
        => "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

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

    /// <summary>The MATCH text of the articles holding any of these facet tokens (<see cref="From"/>, <see cref="Through"/>).</summary>
    public static string Facets(IEnumerable<string> tokens) => "facets : (" + string.Join(" OR ", tokens.Select(t => $"\"{t}\"")) + ")";

    /// <summary>
    /// The date facets of every time from the start of <paramref name="since"/>'s month to the end of
    /// <paramref name="lastYear"/>: months, then whole years. Null when that takes too many tokens (since decades back).
    /// </summary>
    public static IReadOnlyList<string>? From(DateTime since, int lastYear)
    {
        if (lastYear - since.Year > MaxFacetYears)
        {
            return null;
        }

        var tokens = new List<string>();
        for (var month = since.Month; month <= 12; month++)
        {
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"lm{since.Year:D4}{month:D2}"));
        }

        for (var year = since.Year + 1; year <= lastYear; year++)
        {
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"ly{year:D4}"));
        }

        return tokens;
    }

    /// <summary>
    /// The date facets of every time from the start of <paramref name="firstYear"/> to the end of <paramref name="day"/>'s
    /// day: whole years, the months of its year before its month, then its month's days up to it. Null when that takes
    /// too many tokens.
    /// </summary>
    public static IReadOnlyList<string>? Through(DateTime day, int firstYear)
    {
        if (day.Year - firstYear > MaxFacetYears)
        {
            return null;
        }

        var tokens = new List<string>();
        for (var year = firstYear; year < day.Year; year++)
        {
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"ly{year:D4}"));
        }

        for (var month = 1; month < day.Month; month++)
        {
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"lm{day.Year:D4}{month:D2}"));
        }

        for (var d = 1; d <= day.Day; d++)
        {
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"ld{day.Year:D4}{day.Month:D2}{d:D2}"));
        }

        return tokens;
    }

    /// <value>At most 30 whole years of date facets in one query.</value>
    private const int MaxFacetYears = 30;

    // An FTS5 string: the words of a term between double quotes, any quote inside doubled.
    private static string Quote(IReadOnlyList<string> words)
        => "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

using System.Globalization;
using System.Text;

namespace Lede.Storage.Sqlite;

/// <summary>The text columns of an article's search index row, made from the record the writer holds.</summary>
/// <remarks>
/// The index is external content over the view <c>article_search_row</c> (migrations 006, 007), and must hold exactly
/// what the view gives (<c>lede db check</c> runs FTS5's integrity-check against it). The writer used to read each new
/// row back through the view (a correlated sub-select over the article's topics per column); it now builds the same
/// text here. Any change to the view's columns must be made here too: the Sqlite search and check tests compare them.
/// </remarks>
internal static class SqliteSearchRow
{
    /// <summary>The view's <c>topics</c>: the topic names in the article's order, separated by one space.</summary>
    public static string Topics(IReadOnlyList<string> names) => string.Join(' ', names);

    /// <summary>The view's <c>facets</c>: the published flag, the publication year, month and day, and each topic id.</summary>
    public static string Facets(bool published, string publishedAt, long[] topicIds)
    {
        var year = Substr(publishedAt, 1, 4);
        var month = Substr(publishedAt, 6, 2);
        var day = Substr(publishedAt, 9, 2);
        var text = new StringBuilder(64 + (16 * topicIds.Length));
        text.Append(published ? "lpub1" : "lpub0").Append(" ly").Append(year).Append(" lm").Append(year).Append(month)
            .Append(" ld").Append(year).Append(month).Append(day);
        foreach (var id in topicIds)
        {
            text.Append(" ltopic").Append(id.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    // SQLite's substr(X, start, length) for a 1-based start past nothing: the part of the text that exists.
    private static string Substr(string text, int start, int length)
    {
        var from = Math.Min(start - 1, text.Length);
        return text.Substring(from, Math.Min(length, text.Length - from));
    }
}

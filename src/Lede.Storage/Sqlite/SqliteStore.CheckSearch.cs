using System.Globalization;
using System.Text;
using Dapper;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    private static IEnumerable<StoreProblem> CheckSearchIndex(SqliteConnection connection, SqliteTransaction tx)
    {
        if (!connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'article_search')", transaction: tx))
        {
            yield break;
        }

        // The index keeps no text of its own (migration 006); its per-document sizes say which rows it holds.
        var (articles, indexed) = connection.QuerySingle<(long, long)>(
            "SELECT (SELECT COUNT(*) FROM article), (SELECT COUNT(*) FROM article_search_docsize)", transaction: tx);
        if (articles != indexed)
        {
            yield return new StoreProblem("search", "database", $"the search index holds {indexed} rows for {articles} articles");
        }

        foreach (var id in connection.Query<long>(
            "SELECT id FROM article WHERE NOT EXISTS (SELECT 1 FROM article_search_docsize d WHERE d.id = article.seq)", transaction: tx))
        {
            yield return new StoreProblem("search", Article(id), "is missing from the search index");
        }

        foreach (var seq in connection.Query<long>(
            "SELECT id FROM article_search_docsize d WHERE NOT EXISTS (SELECT 1 FROM article a WHERE a.seq = d.id)", transaction: tx))
        {
            yield return new StoreProblem("search", $"search entry {seq}", "belongs to no stored article");
        }

        // FTS5's own check, against the text it reads (rank 1): the inverted index holds exactly the articles' words.
        string? broken = null;
        try
        {
            connection.Execute("INSERT INTO article_search (article_search, rank) VALUES ('integrity-check', 1)", transaction: tx);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CORRUPT)
        {
            // Only corruption counts: a busy database (a writer committed meanwhile) is no finding.
            broken = e.Message;
        }

        if (broken is not null)
        {
            yield return new StoreProblem("search", "database", $"the search index does not match the articles' text: {broken}");
            foreach (var id in StaleEntries(connection, tx))
            {
                yield return new StoreProblem("search", Article(id), "the search index holds other text than the article");
            }
        }
    }

    /// <summary>The articles whose index row lacks their own text; run only once FTS5 found the index out of step.</summary>
    /// <remarks>
    /// Each column's text, as one FTS5 phrase limited to that column, must match the article's own index row: a row
    /// indexed from older text misses the words it no longer has. One query per article, so it is kept for a damaged index.
    /// </remarks>
    private static IEnumerable<long> StaleEntries(SqliteConnection connection, SqliteTransaction tx)
    {
        var rows = connection.Query<(long Seq, long Id, string Title, string Excerpt, string Provider, string Topics, string Facets)>(
            """
            SELECT seq, id, title, excerpt, provider, topics, facets FROM article_search_row r
            WHERE EXISTS (SELECT 1 FROM article_search_docsize d WHERE d.id = r.seq) ORDER BY seq
            """, transaction: tx, buffered: false);
        foreach (var (seq, id, title, excerpt, provider, topics, facets) in rows)
        {
            var match = OwnText(("title", title), ("excerpt", excerpt), ("provider", provider), ("topics", topics), ("facets", facets));
            if (match.Length > 0 && !connection.ExecuteScalar<bool>(
                "SELECT EXISTS (SELECT 1 FROM article_search WHERE article_search MATCH CAST(@Match AS TEXT) AND rowid = @Seq)",
                new { Match = match, Seq = seq }, tx))
            {
                yield return id;
            }
        }
    }

    // Columns with no word at all are left out: an empty phrase would match nothing.
    private static string OwnText(params (string Column, string Text)[] columns)
    {
        var match = new StringBuilder();
        foreach (var (column, text) in columns.Where(c => c.Text.Any(char.IsLetterOrDigit)))
        {
            match.Append(match.Length > 0 ? " AND " : "").Append(CultureInfo.InvariantCulture, $"{column} : \"")
                .Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return match.ToString();
    }
}

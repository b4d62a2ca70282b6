using System.Globalization;
using Dapper;
using Lede.Normalize;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <value>At most 1,000 problems of one kind are listed; one more line says there are more.</value>
    private const int ProblemsPerCheck = 1000;

    public Task<IReadOnlyList<StoreProblem>> CheckAsync(KeyRing? keys, CancellationToken ct)
    {
        var problems = new List<StoreProblem>();
        using var connection = Connect();
        // One read transaction: every check sees the same snapshot, even while a crawl writes.
        using var tx = connection.BeginTransaction(deferred: true);
        var integrity = Run(problems, "integrity", () => CheckIntegrity(connection, tx), ct);
        Run(problems, "schema", () => CheckSchema(connection, tx), ct);
        if (integrity)
        {
            Run(problems, "orphan", () => CheckForeignKeys(connection, tx), ct);
            Run(problems, "orphan", () => CheckOrphans(connection, tx), ct);
            Run(problems, "url", () => CheckUrls(connection, tx), ct);
            Run(problems, "related", () => CheckRelated(connection, tx), ct);
            Run(problems, "search", () => CheckSearchIndex(connection, tx), ct);
            Run(problems, "secured", () => CheckSecured(connection, tx, keys, ct), ct);
        }

        return Task.FromResult<IReadOnlyList<StoreProblem>>(problems);
    }

    public Task<int> SchemaVersionAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult(SqliteMigrator.CurrentVersion(connection));
    }

    /// <summary>Runs one check; a check the database cannot answer (corruption) is itself a problem, and the rest still run.</summary>
    private static bool Run(List<StoreProblem> problems, string kind, Func<IEnumerable<StoreProblem>> check, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            // Notices (payloads sealed before the article binding) are counted apart: many of them never hide an error.
            int found = 0, noticed = 0;
            foreach (var problem in check())
            {
                var count = problem.IsNotice ? ++noticed : ++found;
                if (count <= ProblemsPerCheck)
                {
                    problems.Add(problem);
                }
                else if (count == ProblemsPerCheck + 1)
                {
                    var more = $"more {problem.Kind} {(problem.IsNotice ? "notices" : "problems")} than the {ProblemsPerCheck} listed";
                    problems.Add(new StoreProblem(problem.Kind, "database", more) { IsNotice = problem.IsNotice });
                }
                else if (!problem.IsNotice)
                {
                    break;
                }
            }

            return true;
        }
        catch (SqliteException e)
        {
            problems.Add(new StoreProblem(kind, "database", $"the check could not run: {e.Message}"));
            return false;
        }
    }

    private static IEnumerable<StoreProblem> CheckIntegrity(SqliteConnection connection, SqliteTransaction tx)
        => connection.Query<string>("PRAGMA integrity_check", transaction: tx)
            .Where(line => line != "ok")
            .Select(line => new StoreProblem("integrity", "database", line))
            .ToList();

    private static IEnumerable<StoreProblem> CheckSchema(SqliteConnection connection, SqliteTransaction tx)
    {
        var versions = connection.Query<int>("SELECT version FROM schema_migrations ORDER BY version", transaction: tx).AsList();
        var known = SqliteMigrator.Scripts.Select(s => s.Version).ToList();
        foreach (var missing in known.Where(v => v <= (versions.Count > 0 ? versions[^1] : 0)).Except(versions))
        {
            yield return new StoreProblem("schema", $"migration {missing}", "was skipped: a later migration is applied but this one is not");
        }

        if (versions.Count == 0 || versions[^1] < known[^1])
        {
            yield return new StoreProblem("schema", "database", $"at schema version {(versions.Count > 0 ? versions[^1] : 0)}, Lede's is {known[^1]}: run lede db migrate");
        }
    }

    private static IEnumerable<StoreProblem> CheckForeignKeys(SqliteConnection connection, SqliteTransaction tx)
        => connection.Query<(string Table, long? Rowid, string Parent)>("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check", transaction: tx)
            .Select(row => new StoreProblem("orphan", $"{row.Table} row {row.Rowid?.ToString(CultureInfo.InvariantCulture) ?? "?"}", $"points at a {row.Parent} row that does not exist"))
            .ToList();

    // What foreign keys cannot say: links that are only text, and rows that mean nothing without another.
    private static IEnumerable<StoreProblem> CheckOrphans(SqliteConnection connection, SqliteTransaction tx)
    {
        foreach (var (id, url) in connection.Query<(long, string)>(
            """
            SELECT a.id, a.web_url FROM article a
            WHERE NOT EXISTS (SELECT 1 FROM article_url u WHERE u.url_hash = lede_url_hash(a.web_url) AND u.url = a.web_url AND u.article_seq = a.seq)
            """,
            transaction: tx))
        {
            yield return new StoreProblem("orphan", Article(id), $"its web URL {url} is not among the URLs it is known by (or another article holds it)");
        }

        foreach (var id in connection.Query<long>(
            "SELECT DISTINCT a.id FROM article a JOIN article_topic t ON t.article_seq = a.seq JOIN topic p ON p.id = t.topic_id WHERE p.name = ''",
            transaction: tx))
        {
            yield return new StoreProblem("orphan", Article(id), "carries a topic without a name");
        }
    }

    // The rule of RecordChecker, over the whole store: A lists B exactly when B lists A.
    private static IEnumerable<StoreProblem> CheckRelated(SqliteConnection connection, SqliteTransaction tx)
    {
        foreach (var (id, url) in connection.Query<(long, string)>(
            "SELECT a.id, r.web_url FROM related_snapshot r JOIN article a ON a.seq = r.article_seq WHERE r.web_url = a.web_url",
            transaction: tx))
        {
            yield return new StoreProblem("related", Article(id), $"lists itself ({url}) as related coverage");
        }

        foreach (var (id, other) in connection.Query<(long, long)>("""
            SELECT a.id, b.id FROM related_snapshot r
            JOIN article a ON a.seq = r.article_seq
            JOIN article b ON b.web_url_hash = lede_url_hash(r.web_url) AND b.web_url = r.web_url AND b.id <> a.id
            WHERE NOT EXISTS (SELECT 1 FROM related_snapshot back WHERE back.article_seq = b.seq AND back.web_url = a.web_url)
            """, transaction: tx))
        {
            yield return new StoreProblem("related", Article(id), $"lists article {ArticleId.FromInt64(other)}, which does not list it back");
        }
    }

    private static string Article(long id) => $"article {ArticleId.FromInt64(id)}";
}

using Dapper;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

// The URLs articles are known by (migration 008): the table itself no longer enforces that a URL is held once.
public sealed partial class SqliteStore
{
    private static IEnumerable<StoreProblem> CheckUrls(SqliteConnection connection, SqliteTransaction tx)
    {
        foreach (var url in connection.Query<string>(
            "SELECT url FROM article_url WHERE url_hash IS NOT lede_url_hash(url)", transaction: tx))
        {
            yield return new StoreProblem("url", url, "its hash is out of step with the URL: lookups by this URL miss it");
        }

        foreach (var (url, holders) in connection.Query<(string, long)>(
            "SELECT url, COUNT(*) FROM article_url GROUP BY url_hash, url HAVING COUNT(*) > 1", transaction: tx))
        {
            yield return new StoreProblem("url", url, $"is held by {holders} rows; a URL belongs to one article");
        }
    }
}

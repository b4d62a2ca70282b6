using Dapper;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

// The URLs articles are known by, and their web URLs (migration 008): no unique index says a URL is held once now.
public sealed partial class SqliteStore
{
    private static IEnumerable<StoreProblem> CheckUrls(SqliteConnection connection, SqliteTransaction tx)
    {
        foreach (var (id, url) in connection.Query<(long, string)>(
            "SELECT id, web_url FROM article WHERE web_url_hash IS NOT lede_url_hash(web_url)", transaction: tx))
        {
            yield return new StoreProblem("url", Article(id), $"the hash of its web URL {url} is out of step: lookups by the URL miss it");
        }

        foreach (var (url, holders) in connection.Query<(string, long)>(
            "SELECT web_url, COUNT(*) FROM article GROUP BY web_url_hash, web_url HAVING COUNT(*) > 1", transaction: tx))
        {
            yield return new StoreProblem("url", url, $"is the web URL of {holders} articles; it belongs to one");
        }

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

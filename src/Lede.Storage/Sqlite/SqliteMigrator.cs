using System.Globalization;
using Dapper;
using Lede.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

/// <summary>Brings a SQLite database up to the newest schema, one numbered script at a time.</summary>
/// <remarks>
/// Each script runs in its own transaction together with its row in <c>schema_migrations</c>, taken with
/// <c>BEGIN IMMEDIATE</c> so that two processes starting at once apply it once. Scripts run with foreign keys off (as
/// SQLite's own recipe for rebuilding a table says): a script that rebuilds a parent table drops the old one, which with
/// foreign keys on would delete its children by cascade. The scripts copy rows as they are, so no new orphan is made;
/// <c>lede db check</c> reports any the database held already.
/// </remarks>
public static class SqliteMigrator
{
    public static IReadOnlyList<MigrationScript> Scripts { get; } = MigrationScript.For("Sqlite");

    /// <summary>Applies every script newer than the database; returns how many it applied.</summary>
    public static int Migrate(SqliteConnection connection, int? upTo = null)
    {
        connection.Execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
            """);
        // Migration 008 keys the URLs an article is known by by their hash.
        SqliteUrlHash.Register(connection);
        // Only outside a transaction does the setting take; it is put back as it was.
        var foreignKeys = connection.ExecuteScalar<long>("PRAGMA foreign_keys") == 1;
        if (foreignKeys)
        {
            connection.Execute("PRAGMA foreign_keys = OFF");
        }

        try
        {
            return Apply(connection, upTo);
        }
        finally
        {
            if (foreignKeys)
            {
                connection.Execute("PRAGMA foreign_keys = ON");
            }
        }
    }

    private static int Apply(SqliteConnection connection, int? upTo)
    {
        var newest = Scripts[^1].Version;
        var applied = 0;
        foreach (var script in Scripts.Where(s => upTo is null || s.Version <= upTo))
        {
            using var tx = connection.BeginTransaction(deferred: false);
            var current = CurrentVersion(connection);
            if (current > newest)
            {
                throw new InvalidOperationException(
                    $"database schema version {current} is newer than this Lede knows ({newest}); upgrade Lede");
            }

            if (script.Version <= current)
            {
                continue;
            }

            connection.Execute(script.Sql, transaction: tx);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { script.Version, script.Name, At = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
                tx);
            tx.Commit();
            applied++;
        }

        return applied;
    }

    /// <summary>The newest applied script's version; 0 for an empty database.</summary>
    public static int CurrentVersion(SqliteConnection connection)
        => connection.ExecuteScalar<int?>("SELECT MAX(version) FROM schema_migrations") ?? 0;
}

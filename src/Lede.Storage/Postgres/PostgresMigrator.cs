using Lede.Storage.Migrations;
using Npgsql;

namespace Lede.Storage.Postgres;

/// <summary>Brings a PostgreSQL database up to the newest schema, one numbered script at a time.</summary>
/// <remarks>
/// Each script runs in its own transaction together with its row in <c>schema_migrations</c>, under a transaction-level
/// advisory lock, so that several processes starting at once apply each script once: the others wait, then find it applied.
/// </remarks>
public static class PostgresMigrator
{
    /// <summary>The advisory lock (two-key form, "Lede" and 1) that migrations hold; the one-key form is left to article writes.</summary>
    private const int LockClass = 0x4C656465;
    private const int LockId = 1;

    public static IReadOnlyList<MigrationScript> Scripts { get; } = MigrationScript.For("Postgres");

    /// <summary>Applies every script newer than the database; returns how many it applied.</summary>
    /// <exception cref="InvalidOperationException">The database is at a version newer than this Lede knows.</exception>
    public static int Migrate(NpgsqlConnection connection, int? upTo = null)
    {
        var newest = Scripts[^1].Version;
        var applied = 0;
        foreach (var script in Scripts.Where(s => upTo is null || s.Version <= upTo))
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, tx, $"SELECT pg_advisory_xact_lock({LockClass}, {LockId})");
            // Created under the lock: two processes creating it at once would otherwise collide on the catalog.
            Execute(connection, tx, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """);
            var current = CurrentVersion(connection, tx);
            if (current > newest)
            {
                throw new InvalidOperationException(
                    $"database schema version {current} is newer than this Lede knows ({newest}); upgrade Lede");
            }

            if (script.Version <= current)
            {
                tx.Commit();
                continue;
            }

            Execute(connection, tx, script.Sql);
            using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection, tx))
            {
                record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
                record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
                record.ExecuteNonQuery();
            }

            tx.Commit();
            applied++;
        }

        return applied;
    }

    /// <summary>The newest applied script's version; 0 for an empty database.</summary>
    public static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? tx = null)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection, tx);
        if (exists.ExecuteScalar() is not true)
        {
            return 0;
        }

        using var max = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", connection, tx);
        return Convert.ToInt32(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction tx, string sql)
    {
        // No time limit: a script may rewrite a large table (004 copies every search vector), and a racer waits for it.
        using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }
}

using Lede.Storage.Postgres;
using Lede.Storage.Sqlite;
using Lede.Store;

namespace Lede.Storage;

/// <summary>Opens the store a <c>--db</c> value names: a SQLite file path, or a PostgreSQL URL or connection string.</summary>
public static class StoreFactory
{
    /// <value>Default: data/lede.db under the working directory.</value>
    public const string DefaultDatabase = "./data/lede.db";

    /// <summary>The store <paramref name="db"/> names, migrated to the newest schema.</summary>
    /// <exception cref="InvalidOperationException">A PostgreSQL server that cannot be reached or refuses the login; a database newer than this Lede.</exception>
    public static IStore Open(string db)
    {
        // A PostgreSQL database is migrated on open, like a SQLite file; failing to reach it is one line without the password.
        return IsPostgres(db) ? PostgresStore.Open(PostgresConnectionString.From(db)) : SqliteStore.Open(db);
    }

    /// <summary>True for <c>postgres://</c> and <c>postgresql://</c> URLs and for <c>Host=…</c> connection strings.</summary>
    public static bool IsPostgres(string db)
        => db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}

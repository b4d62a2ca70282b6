using Lede.Storage.Sqlite;
using Lede.Store;

namespace Lede.Storage;

/// <summary>Opens the store a <c>--db</c> value names: a SQLite file path, or a PostgreSQL URL or connection string.</summary>
public static class StoreFactory
{
    /// <value>Default: data/lede.db under the working directory.</value>
    public const string DefaultDatabase = "./data/lede.db";

    public static IStore Open(string db)
    {
        if (IsPostgres(db))
        {
            throw new NotSupportedException("PostgreSQL is not supported by this version of Lede; give --db a SQLite file path");
        }

        return SqliteStore.Open(db);
    }

    /// <summary>True for <c>postgres://</c> and <c>postgresql://</c> URLs and for <c>Host=…</c> connection strings.</summary>
    public static bool IsPostgres(string db)
        => db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);
}

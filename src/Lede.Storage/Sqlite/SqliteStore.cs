using Dapper;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file in WAL mode, with foreign keys on and a busy timeout.</summary>
public sealed partial class SqliteStore : IStore
{
    private readonly SqliteConnection _connection;

    static SqliteStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    private SqliteStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/> and migrates it.</summary>
    public static SqliteStore Open(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            connection.Open();
            // WAL lets readers run beside the one writer; FULL sync means a commit survives power loss too.
            connection.Execute("""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                PRAGMA foreign_keys = ON;
                PRAGMA busy_timeout = 10000;
                """);
            SqliteMigrator.Migrate(connection);
            return new SqliteStore(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}

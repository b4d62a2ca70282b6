using Dapper;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

/// <summary>The embedded store: one SQLite file in WAL mode, with foreign keys on and a busy timeout.</summary>
/// <remarks>
/// Safe to share between threads (the web server does): every operation takes its own pooled connection,
/// and SQLite's WAL lets readers run beside the one writer.
/// </remarks>
public sealed partial class SqliteStore : IStore, IMigratedStore
{
    private readonly string _connectionString;
    private readonly string _path;
    private readonly long? _maxPageCount;
    private readonly SqliteCheckpointer _checkpointer;

    static SqliteStore()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // SQLite counts every allocation under a global mutex unless told not to, which only works before its first use
        // (a process that opened SQLite already keeps counting: the call fails harmlessly). Lede never reads the counts.
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    private SqliteStore(string connectionString, string path, long? maxPageCount)
    {
        _connectionString = connectionString;
        _path = path;
        _maxPageCount = maxPageCount;
        _checkpointer = new SqliteCheckpointer(Connect);
    }

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/> and migrates it.</summary>
    public static SqliteStore Open(string path) => Open(path, maxPageCount: null);

    /// <summary>Opens the database at <paramref name="path"/>, letting it grow to at most <paramref name="maxPageCount"/> pages (SQLite's <c>max_page_count</c>).</summary>
    /// <remarks>Past the limit a write fails as on a full disk (<see cref="StoreFullException"/>); a later open with a higher limit (or none) lets it grow again.</remarks>
    /// <param name="path">The database file.</param>
    /// <param name="maxPageCount">The most pages the file may have (4 KiB each); null leaves SQLite's own limit.</param>
    public static SqliteStore Open(string path, long? maxPageCount)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var store = new SqliteStore(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString(), full, maxPageCount);
        try
        {
            using var connection = store.Connect();
            // WAL is a property of the file: set once, it holds for every later connection.
            connection.Execute("PRAGMA journal_mode = WAL");
            store.MigrationsApplied = SqliteMigrator.Migrate(connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is NotADatabase or Corrupt)
        {
            // Never repaired or overwritten here: the file may be someone's only copy.
            throw new InvalidOperationException(
                $"{full} is not a SQLite database Lede can open ({e.Message.TrimEnd('.')}); it was left as it is: restore it from a backup or use another --db", e);
        }

        return store;
    }

    /// <summary>SQLITE_CORRUPT and SQLITE_NOTADB: the file is damaged or was never a database.</summary>
    private const int Corrupt = 11, NotADatabase = 26;

    /// <summary>SQLITE_FULL: the disk is full, or the file reached <c>max_page_count</c>.</summary>
    private const int Full = 13;

    /// <summary>The named error for a full database; SQLite has rolled the write back by then (or the open transaction's dispose does).</summary>
    private StoreFullException Filled(SqliteException e) => new(_path, e);

    public int MigrationsApplied { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _checkpointer.DisposeAsync().ConfigureAwait(false);
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>A pooled connection with this store's per-connection settings.</summary>
    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            // FULL: a commit survives power loss too, not just a killed process. A 64 MB page cache and reads through
            // mmap keep a large database's index pages in memory for batched inserts (the pool keeps both per connection).
            // Checkpoints are the SqliteCheckpointer's; a writer checkpoints itself only past 64 MB of WAL, which is
            // then cut back to that size.
            connection.Execute("""
                PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;
                PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;
                PRAGMA wal_autocheckpoint = 16384; PRAGMA journal_size_limit = 67108864
                """);
            if (_maxPageCount is { } pages)
            {
                // Per connection, like every pragma here; a pooled connection gets it again on each use.
                connection.Execute($"PRAGMA max_page_count = {pages.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            SqliteUrlHash.Register(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}

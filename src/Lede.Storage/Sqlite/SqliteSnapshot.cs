using System.Runtime.CompilerServices;
using Dapper;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

/// <summary>A SQLite read transaction held open across pages: in WAL mode it reads one state of the file while writers go on.</summary>
/// <remarks>
/// A deferred transaction takes its snapshot at its first read; counting the articles is that read, so the count and
/// every page agree. Writers never wait for it; checkpoints copy only the WAL pages it no longer needs until it ends.
/// </remarks>
internal sealed class SqliteSnapshot : IStoreSnapshot
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _tx;

    private SqliteSnapshot(SqliteConnection connection, SqliteTransaction tx, int count)
    {
        _connection = connection;
        _tx = tx;
        ArticleCount = count;
    }

    public int ArticleCount { get; }

    /// <summary>Opens the snapshot on <paramref name="connection"/>, which it then owns.</summary>
    public static SqliteSnapshot Open(SqliteConnection connection)
    {
        try
        {
            var tx = connection.BeginTransaction(deferred: true);
            return new SqliteSnapshot(connection, tx, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM article", transaction: tx));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async IAsyncEnumerable<StoredRecord> ReadRecordsAsync(RecordOrder order, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = SqliteStore.FirstPageKey(order);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var (rows, page) = SqliteStore.ReadPage(_connection, _tx, order, after);
            foreach (var record in page)
            {
                yield return record;
            }

            if (rows.Count < SqliteStore.ReadBatch)
            {
                yield break;
            }

            after = SqliteStore.NextPageKey(rows);
            await Task.Yield();
        }
    }

    public ValueTask DisposeAsync()
    {
        // Nothing was written: ending the transaction only lets go of the snapshot.
        _tx.Dispose();
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}

using System.Data;
using System.Runtime.CompilerServices;
using Dapper;
using Lede.Store;
using Npgsql;

namespace Lede.Storage.Postgres;

/// <summary>A read-only REPEATABLE READ transaction held open across pages: one state of the database, while writers go on.</summary>
/// <remarks>
/// PostgreSQL takes the snapshot at the transaction's first query; counting the articles is that query, so the count
/// and every page agree. Writers never wait for it (MVCC); vacuum keeps the row versions it may read until it ends.
/// </remarks>
internal sealed class PostgresSnapshot : IStoreSnapshot
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _tx;

    private PostgresSnapshot(NpgsqlConnection connection, NpgsqlTransaction tx, int count)
    {
        _connection = connection;
        _tx = tx;
        ArticleCount = count;
    }

    public int ArticleCount { get; }

    /// <summary>Opens the snapshot on <paramref name="connection"/>, which it then owns.</summary>
    public static async Task<PostgresSnapshot> OpenAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        try
        {
            var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition("SET TRANSACTION READ ONLY", transaction: tx, cancellationToken: ct)).ConfigureAwait(false);
            var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM article", transaction: tx, cancellationToken: ct))
                .ConfigureAwait(false);
            return new PostgresSnapshot(connection, tx, (int)count);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerable<StoredRecord> ReadRecordsAsync(RecordOrder order, [EnumeratorCancellation] CancellationToken ct)
    {
        object? after = null;
        while (true)
        {
            var (rows, page) = await PostgresStore.ReadPageAsync(new PostgresSession(_connection, _tx, ct), order, after).ConfigureAwait(false);
            foreach (var record in page)
            {
                yield return record;
            }

            if (rows.Count < PostgresStore.ReadBatch)
            {
                yield break;
            }

            after = PostgresStore.NextPageKey(rows);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Nothing was written: ending the transaction only lets go of the snapshot.
        await _tx.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}

using System.Net.Sockets;
using Dapper;
using Lede.Store;
using Npgsql;

namespace Lede.Storage.Postgres;

/// <summary>The shared store: PostgreSQL through a pooled Npgsql data source, for several workers and web nodes at once.</summary>
/// <remarks>
/// Every operation is one transaction on its own pooled connection, run again from the start when it fails for a
/// transient reason (the server restarting, a dropped connection, a deadlock), so a worker carries on across a restart.
/// Every write is idempotent, which makes running it again safe even when a commit's answer was lost: upserts and
/// deletes by key are so by nature; an insert that is not (an editor decision, a turn of a named lease) carries a key its
/// call draws once, outside the transaction, so the run again finds its own first write and does not repeat it.
/// </remarks>
public sealed partial class PostgresStore : IStore, IMigratedStore
{
    /// <value>Default: 100 statements prepared per connection, unless the connection string says otherwise.</value>
    private const int AutoPrepared = 100;

    private readonly NpgsqlDataSource _dataSource;

    static PostgresStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    private PostgresStore(NpgsqlDataSource dataSource, string where)
    {
        _dataSource = dataSource;
        Where = where;
    }

    /// <summary>The server and database, as <c>host:port/database</c> (never the password).</summary>
    public string Where { get; }

    public int MigrationsApplied { get; private set; }

    /// <summary>Tests only: runs after each commit with the attempt's number; what it throws stands for a commit whose answer was lost.</summary>
    internal Action<int>? AfterCommit { get; set; }

    /// <summary>Connects to the database an Npgsql connection string names and migrates it.</summary>
    /// <exception cref="InvalidOperationException">The server cannot be reached or refuses the login (one line, no password), or its schema is newer than this Lede.</exception>
    public static PostgresStore Open(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"not a PostgreSQL connection string: {e.Message}", e);
        }

        var where = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        if (builder.MaxAutoPrepare == 0)
        {
            // Every write sends the same statements: prepared once per connection, they skip parsing and planning.
            builder.MaxAutoPrepare = AutoPrepared;
        }

        var store = new PostgresStore(NpgsqlDataSource.Create(builder), where);
        try
        {
            store.Retry(() =>
            {
                using var connection = store._dataSource.OpenConnection();
                store.MigrationsApplied += PostgresMigrator.Migrate(connection);
            });
            return store;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            store._dataSource.Dispose();
            throw new InvalidOperationException($"cannot connect to PostgreSQL at {where}: {Reason(e)}", e);
        }
        catch
        {
            store._dataSource.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns; again from the start after a transient failure.</summary>
    private async Task<T> InTransactionAsync<T>(Func<PostgresSession, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var connectionScope = connection.ConfigureAwait(false);
                var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using var txScope = tx.ConfigureAwait(false);
                var result = await work(new PostgresSession(connection, tx, ct)).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                AfterCommit?.Invoke(attempt);
                return result;
            }
            catch (Exception e) when (attempt < PostgresRetry.MaxAttempts && PostgresRetry.IsTransient(e) && !ct.IsCancellationRequested)
            {
                // After a restart every pooled connection is dead: drop them rather than fail on each in turn.
                _dataSource.Clear();
                await Task.Delay(PostgresRetry.Backoff(attempt), ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == DiskFull)
            {
                // The transaction was rolled back; retrying would only fill the log with the same failure.
                throw new StoreFullException($"database {Where}", e);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection without a transaction (each statement is its own); again from the start after a transient failure.</summary>
    /// <remarks>For reads of one statement (or of statements that need no common snapshot): no commit to wait for.</remarks>
    private async Task<T> OnConnectionAsync<T>(Func<PostgresSession, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var connectionScope = connection.ConfigureAwait(false);
                return await work(new PostgresSession(connection, null, ct)).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < PostgresRetry.MaxAttempts && PostgresRetry.IsTransient(e) && !ct.IsCancellationRequested)
            {
                _dataSource.Clear();
                await Task.Delay(PostgresRetry.Backoff(attempt), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>53100 disk_full: the server could not extend a file.</summary>
    private const string DiskFull = "53100";

    private Task InTransactionAsync(Func<PostgresSession, Task> work, CancellationToken ct)
        => InTransactionAsync(async session =>
        {
            await work(session).ConfigureAwait(false);
            return true;
        }, ct);

    private void Retry(Action work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                work();
                return;
            }
            catch (Exception e) when (attempt < PostgresRetry.MaxAttempts && PostgresRetry.IsTransient(e) && !IsRefused(e))
            {
                _dataSource.Clear();
                Thread.Sleep(PostgresRetry.Backoff(attempt));
            }
        }
    }

    // A server that is not there at all is an answer at start-up, not a hiccup: say so at once.
    private static bool IsRefused(Exception e)
        => Innermost(e) is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound };

    /// <summary>Why a connection failed, in a few words and never with the connection string.</summary>
    private static string Reason(Exception e) => Innermost(e) switch
    {
        PostgresException p => p.MessageText,
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "host not found",
        SocketException { SocketErrorCode: SocketError.TimedOut } or TimeoutException => "timed out",
        var inner => inner.Message.Split('\n')[0].Trim(),
    };

    private static Exception Innermost(Exception e)
    {
        while (e is not PostgresException && e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }
}

using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

/// <summary>Copies committed WAL pages into the database file on its own thread, so that a commit waits for its own WAL write only.</summary>
/// <remarks>
/// Durability does not change: a commit is durable once its WAL frames are synced (<c>synchronous = FULL</c>); the
/// checkpoint only moves them into the main file, and SQLite keeps that crash-safe. It runs PASSIVE (it never waits for
/// nor blocks a writer) after writers have added about <see cref="ArticlesPerCheckpoint"/> articles; the next write after
/// a completed checkpoint starts the WAL over, so it stays a batch or two long. Writers keep SQLite's own checkpoint as
/// a backstop at a larger WAL (<see cref="SqliteStore"/>'s <c>wal_autocheckpoint</c>), for when this one falls behind.
/// </remarks>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <value>Default: a checkpoint per 100 articles written, about SQLite's own 1,000 WAL pages.</value>
    public const int ArticlesPerCheckpoint = 100;

    private readonly Func<SqliteConnection> _connect;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _loop;
    private int _written;

    public SqliteCheckpointer(Func<SqliteConnection> connect)
    {
        _connect = connect;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Notes that <paramref name="articles"/> articles were committed; asks for a checkpoint once enough were.</summary>
    public void Written(int articles)
    {
        if (Interlocked.Add(ref _written, articles) >= ArticlesPerCheckpoint)
        {
            Interlocked.Exchange(ref _written, 0);
            // A request already waiting covers this one too.
            _requests.Writer.TryWrite(true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_requests.Reader.TryRead(out _))
            {
                Checkpoint();
            }
        }
    }

    private void Checkpoint()
    {
        try
        {
            using var connection = _connect();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // A locked or busy database: the writers' own checkpoint catches up, and the next request tries again.
        }
    }
}

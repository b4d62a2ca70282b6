using Npgsql;

namespace Lede.Benchmarks.Store;

/// <summary>
/// The CPU time of the PostgreSQL processes serving one database on this machine (Linux <c>/proc/PID/schedstat</c>):
/// a search's server-side cost, which the client's clocks cannot see and a loaded machine's wall time inflates.
/// </summary>
internal sealed class PostgresServerClock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private PostgresServerClock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>A clock for this connection string's database; null when the server's processes cannot be read here.</summary>
    public static async Task<PostgresServerClock?> TryOpenAsync(string connectionString)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/schedstat"))
        {
            return null;
        }

        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var clock = new PostgresServerClock(connection);
        if (double.IsNaN(await clock.MillisecondsAsync()))
        {
            await connection.DisposeAsync();
            return null;
        }

        return clock;
    }

    /// <summary>CPU milliseconds used so far by every other server process on this database; NaN when none can be read.</summary>
    public async Task<double> MillisecondsAsync()
    {
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", _connection);
        var total = 0L;
        var read = false;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            try
            {
                // The first field is the nanoseconds the process has run on a CPU.
                var fields = (await File.ReadAllTextAsync($"/proc/{reader.GetInt32(0)}/schedstat")).Split(' ');
                total += long.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture);
                read = true;
            }
            catch (IOException)
            {
                // A process that ended, or a server on another machine: not counted.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return read ? total / 1e6 : double.NaN;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

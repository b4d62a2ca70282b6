using Npgsql;

namespace Lede.Storage.Postgres;

/// <summary>Which failures are worth a second try (the server restarting, a dropped connection, a deadlock), and how long to wait.</summary>
internal static class PostgresRetry
{
    /// <value>Default: 10 attempts, about 20 s in all: long enough for a server restart.</value>
    public const int MaxAttempts = 10;

    /// <summary>True when running the whole transaction again may succeed.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        // 40001 serialization failure, 40P01 deadlock, 57P01-57P03 shutdown / crash / starting up, 08xxx connection
        // exceptions, 53300 too many connections.
        PostgresException p => p.SqlState is "40001" or "40P01" or "57P01" or "57P02" or "57P03" or "53300"
                               || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException n => n.IsTransient,
        TimeoutException or IOException => true,
        _ => false,
    };

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: doubling from 100 ms up to 4 s, with jitter.</summary>
    public static TimeSpan Backoff(int attempt)
    {
        var milliseconds = Math.Min(4000, 100 * (1 << Math.Min(attempt - 1, 10)));
        return TimeSpan.FromMilliseconds(milliseconds * (0.75 + (Random.Shared.NextDouble() / 2)));
    }
}

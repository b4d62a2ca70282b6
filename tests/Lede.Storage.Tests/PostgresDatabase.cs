using Npgsql;

namespace Lede.Storage.Tests;

/// <summary>A fresh, empty database on the PostgreSQL server <c>LEDE_TEST_POSTGRES</c> names, dropped when disposed.</summary>
/// <remarks>Without the variable the tests that need one fail saying how to run them: they are never skipped silently.</remarks>
public sealed class PostgresDatabase : IDisposable
{
    public const string Variable = "LEDE_TEST_POSTGRES";

    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The connection string of the new database.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's connection string (its own database), for what a test does beside the store.</summary>
    public static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            $"{Variable} is not set: run the tests through `make test`, which starts a server (tools/with-postgres)");

    public static PostgresDatabase Create()
    {
        var server = Server;
        var name = $"lede_test_{Guid.NewGuid():N}";
        Admin(server, $"CREATE DATABASE {name}");
        return new PostgresDatabase(server, name);
    }

    /// <summary>A connection of its own (not pooled) to the new database.</summary>
    public NpgsqlConnection Connect()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose() => Admin(_server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    private static void Admin(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

using Npgsql;

namespace Lede.EndToEnd.Tests.Fixtures;

/// <summary>A fresh database on the test PostgreSQL server (<c>LEDE_TEST_POSTGRES</c>, set by <c>make test</c>), dropped afterwards.</summary>
public sealed class PostgresScratch : IDisposable
{
    private readonly string _server;

    private PostgresScratch(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <exception cref="InvalidOperationException">LEDE_TEST_POSTGRES is not set.</exception>
    public static PostgresScratch Create()
    {
        var server = Environment.GetEnvironmentVariable("LEDE_TEST_POSTGRES") is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException("LEDE_TEST_POSTGRES is not set: run the tests through `make test`, which starts a server (tools/with-postgres)");
        var scratch = new PostgresScratch(server, $"lede_e2e_{Guid.NewGuid():N}");
        scratch.Admin($"CREATE DATABASE {scratch.Name}");
        return scratch;
    }

    /// <summary>Drops the database and creates it again, empty.</summary>
    public void Recreate()
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        Admin($"CREATE DATABASE {Name}");
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Admin($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

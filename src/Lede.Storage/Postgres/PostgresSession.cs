using Dapper;
using Npgsql;

namespace Lede.Storage.Postgres;

/// <summary>One open transaction (or a connection alone: each statement its own) and the token to cancel it: what every store operation runs its SQL through.</summary>
internal sealed class PostgresSession(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
{
    public Task<int> ExecuteAsync(string sql, object? values = null) => connection.ExecuteAsync(Command(sql, values));

    public Task<T?> ScalarAsync<T>(string sql, object? values = null) => connection.ExecuteScalarAsync<T>(Command(sql, values));

    public async Task<List<T>> QueryAsync<T>(string sql, object? values = null) => (await connection.QueryAsync<T>(Command(sql, values)).ConfigureAwait(false)).AsList();

    public Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? values = null) => connection.QueryMultipleAsync(Command(sql, values));

    private CommandDefinition Command(string sql, object? values) => new(sql, values, transaction, cancellationToken: ct);
}

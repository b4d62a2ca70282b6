using System.Text;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

/// <summary>One statement of a write transaction, prepared once and run many times with new values.</summary>
/// <remarks>
/// Values bind by position to the names given. Text that holds a NUL is bound as its UTF-8 bytes, and the SQL writes
/// every text parameter <c>CAST($P AS TEXT)</c> (see <see cref="SqliteText"/>).
/// </remarks>
internal sealed class SqliteStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public SqliteStatement(SqliteTransaction tx, string sql, params string[] names)
    {
        _command = tx.Connection!.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText = sql;
        _parameters = Array.ConvertAll(names, name => _command.Parameters.Add(new SqliteParameter("$" + name, DBNull.Value)));
        _command.Prepare();
    }

    /// <summary>Runs the statement; returns the number of rows it changed.</summary>
    public int Run(params object?[] values)
    {
        Bind(values);
        return _command.ExecuteNonQuery();
    }

    /// <summary>Runs the statement; returns the first column of its first row, or null.</summary>
    public object? Scalar(params object?[] values)
    {
        Bind(values);
        var value = _command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public void Dispose() => _command.Dispose();

    private void Bind(object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                string s when s.Contains('\0', StringComparison.Ordinal) => Encoding.UTF8.GetBytes(s),
                bool b => b ? 1L : 0L,
                var v => v,
            };
        }
    }
}

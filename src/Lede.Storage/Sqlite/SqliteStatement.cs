using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lede.Storage.Sqlite;

/// <summary>One statement of a write transaction, prepared once and run many times with new values.</summary>
/// <remarks>
/// It drives SQLite's own statement handle on the connection the transaction holds: binding by index and stepping
/// without the per-call reader, statement list and parameter-name lookups of <see cref="SqliteCommand"/>, which cost
/// as much as the insert itself at thousands of rows a second. Text binds as UTF-8 with its length, so text holding
/// a NUL is kept whole. Errors are the <see cref="SqliteException"/> a command would throw.
/// </remarks>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;

    public SqliteStatement(SqliteTransaction tx, string sql, params string[] names)
    {
        _db = tx.Connection!.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _indexes = Array.ConvertAll(names, name => raw.sqlite3_bind_parameter_index(_statement, "$" + name));
        if (Array.IndexOf(_indexes, 0) is var missing and >= 0)
        {
            _statement.Dispose();
            throw new ArgumentException($"the statement has no parameter ${names[missing]}", nameof(names));
        }
    }

    /// <summary>Runs the statement; returns the number of rows it changed.</summary>
    public int Run(params object?[] values)
    {
        Step(values);
        raw.sqlite3_reset(_statement);
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Runs the statement; returns the first column of its first row (an integer, a real or text), or null.</summary>
    public object? Scalar(params object?[] values)
    {
        object? value = null;
        if (Step(values) == raw.SQLITE_ROW)
        {
            value = raw.sqlite3_column_type(_statement, 0) switch
            {
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, 0),
                raw.SQLITE_FLOAT => raw.sqlite3_column_double(_statement, 0),
                raw.SQLITE_NULL => null,
                _ => raw.sqlite3_column_text(_statement, 0).utf8_to_string(),
            };
        }

        raw.sqlite3_reset(_statement);
        return value;
    }

    public void Dispose() => _statement.Dispose();

    private int Step(object?[] values)
    {
        for (var i = 0; i < _indexes.Length; i++)
        {
            Bind(_indexes[i], values[i]);
        }

        var rc = raw.sqlite3_step(_statement);
        if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            // The message belongs to this failure: read it before the reset that readies the statement for reuse.
            var message = raw.sqlite3_errmsg(_db).utf8_to_string();
            var extended = raw.sqlite3_extended_errcode(_db);
            raw.sqlite3_reset(_statement);
            throw new SqliteException($"SQLite Error {rc}: '{message}'.", rc, extended);
        }

        return rc;
    }

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string s => BindText(index, s),
            long l => raw.sqlite3_bind_int64(_statement, index, l),
            int n => raw.sqlite3_bind_int64(_statement, index, n),
            bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(_statement, index, d),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            _ => throw new ArgumentException($"cannot bind a {value.GetType().Name}", nameof(value)),
        };
        Check(rc);
    }

    private int BindText(int index, string text)
    {
        if (text.Length == 0)
        {
            // An empty span may pin to a null pointer, which SQLite would bind as NULL rather than ''.
            return raw.sqlite3_bind_text(_statement, index, text);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer can go back to the pool at once.
            return raw.sqlite3_bind_text(_statement, index, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));
        }
    }
}

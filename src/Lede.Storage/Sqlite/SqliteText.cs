using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Dapper;

namespace Lede.Storage.Sqlite;

/// <summary>Binds text that holds NUL characters without losing what follows them.</summary>
/// <remarks>
/// Microsoft.Data.Sqlite binds a string longer than 512 bytes as NUL-terminated, so everything after an
/// embedded NUL was silently dropped. Such strings are bound as their UTF-8 bytes instead, and every text
/// parameter in this store's SQL is written <c>CAST(@P AS TEXT)</c>, which turns the bytes back into the
/// same text (a no-op for ordinary strings). A test pins this: Text_with_awkward_characters_is_kept_exactly.
/// </remarks>
internal static class SqliteText
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The parameters of <paramref name="values"/>, with NUL-holding strings as UTF-8 bytes.</summary>
    public static object Parameters(object values)
    {
        var properties = Properties.GetOrAdd(values.GetType(), t => t.GetProperties());
        if (!properties.Any(p => p.PropertyType == typeof(string) && p.GetValue(values) is string s && s.Contains('\0', StringComparison.Ordinal)))
        {
            return values;
        }

        var parameters = new DynamicParameters();
        foreach (var property in properties)
        {
            var value = property.GetValue(values);
            parameters.Add(property.Name, value is string s && s.Contains('\0', StringComparison.Ordinal) ? Encoding.UTF8.GetBytes(s) : value);
        }

        return parameters;
    }
}

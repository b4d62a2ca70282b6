using System.Globalization;
using Npgsql;

namespace Lede.Storage.Postgres;

/// <summary>Turns what <c>--db</c> says about PostgreSQL (a <c>postgres://</c> URL or an Npgsql connection string) into a connection string.</summary>
/// <remarks>Errors name the part that is wrong, never the password.</remarks>
public static class PostgresConnectionString
{
    // libpq's URL parameters and the Npgsql keywords that mean the same; anything else is passed to Npgsql as it is.
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["target_session_attrs"] = "Target Session Attributes",
        ["options"] = "Options",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["host"] = "Host",
        ["port"] = "Port",
    };

    private static readonly Dictionary<string, string> SslModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["disable"] = "Disable",
        ["allow"] = "Allow",
        ["prefer"] = "Prefer",
        ["require"] = "Require",
        ["verify-ca"] = "VerifyCA",
        ["verify-full"] = "VerifyFull",
    };

    /// <summary>The Npgsql connection string for <paramref name="db"/>.</summary>
    /// <exception cref="InvalidOperationException">Not a URL or connection string Npgsql can use; the message never holds the password.</exception>
    public static string From(string db)
    {
        var builder = IsUrl(db) ? FromUrl(db) : Parse(db);
        return builder.ConnectionString;
    }

    private static bool IsUrl(string db)
        => db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // Npgsql names the keyword it did not know, never a value.
            throw new InvalidOperationException($"not a PostgreSQL connection string: {e.Message.Split('\n')[0].Trim()}", e);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        rest = hash >= 0 ? rest[..hash] : rest;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var query = question >= 0 ? rest[(question + 1)..] : "";
        rest = question >= 0 ? rest[..question] : rest;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var database = slash >= 0 ? Decode(rest[(slash + 1)..]) : "";
        var authority = slash >= 0 ? rest[..slash] : rest;
        var at = authority.LastIndexOf('@');
        var builder = new NpgsqlConnectionStringBuilder();
        if (at >= 0)
        {
            var user = authority[..at];
            var colon = user.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Decode(colon >= 0 ? user[..colon] : user);
            if (colon >= 0)
            {
                builder.Password = Decode(user[(colon + 1)..]);
            }

            authority = authority[(at + 1)..];
        }

        SetHosts(builder, authority);
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? Decode(pair[(equals + 1)..]) : "";
            Set(builder, key, value);
        }

        return builder;
    }

    /// <summary>One <c>host[:port]</c> or several separated by commas (tried in turn); IPv6 addresses in brackets.</summary>
    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string authority)
    {
        var hosts = new List<(string Host, int? Port)>();
        foreach (var part in authority.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var close = part.StartsWith('[') ? part.IndexOf(']', StringComparison.Ordinal) : -1;
            var colon = part.IndexOf(':', close >= 0 ? close : 0);
            var host = Decode(close >= 0 ? part[1..close] : colon >= 0 ? part[..colon] : part);
            int? port = null;
            if (colon >= 0)
            {
                port = int.TryParse(part[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
                    ? p
                    : throw new InvalidOperationException($"not a port in the PostgreSQL URL: '{part[(colon + 1)..]}'");
            }

            hosts.Add((host.Length > 0 ? host : "localhost", port));
        }

        if (hosts.Count == 0)
        {
            builder.Host = "localhost";
        }
        else if (hosts.Count == 1)
        {
            builder.Host = hosts[0].Host;
            builder.Port = hosts[0].Port ?? 5432;
        }
        else
        {
            builder.Host = string.Join(',', hosts.Select(h => h.Port is { } p ? $"{h.Host}:{p}" : h.Host));
        }
    }

    private static void Set(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        var keyword = Keywords.GetValueOrDefault(key, key);
        if (keyword == "SSL Mode")
        {
            value = SslModes.GetValueOrDefault(value, value);
        }

        try
        {
            builder[keyword] = value;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            var shown = keyword.Contains("Password", StringComparison.OrdinalIgnoreCase) ? "(hidden)" : $"'{value}'";
            throw new InvalidOperationException($"the PostgreSQL URL option {key}={shown} is not one Lede can use", e);
        }
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}

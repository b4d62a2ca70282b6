using System.CommandLine;
using Lede.Storage;

namespace Lede.Cli;

/// <summary>The options every command takes: where the database is and which configuration file to read.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = $"SQLite database file, or a PostgreSQL URL or connection string [default: {StoreFactory.DefaultDatabase}]",
        HelpName = "PATH|URL",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = $"Configuration file [default: {LedeConfig.DefaultPath} if present]",
        HelpName = "FILE",
        Recursive = true,
    };

    public Option<string?> Keys { get; } = new("--keys")
    {
        Description = $"Key file for secured payloads [default: {DefaultKeyFile}; {Lede.Store.KeyRing.EnvironmentVariable} outranks it]",
        HelpName = "FILE",
        Recursive = true,
    };

    /// <value>Beside lede.yml rather than in data/, so that a copy of the data is not a copy of its keys.</value>
    public const string DefaultKeyFile = "./lede.keys";

    private (ParseResult Parse, LedeConfig Config)? _loaded;

    /// <summary>The key file: <c>--keys</c>, else <c>keys:</c> in the configuration, else the default.</summary>
    public string ResolveKeys(ParseResult parse)
        => parse.GetValue(Keys) ?? Configuration(parse).Keys ?? DefaultKeyFile;

    /// <summary>The database to open: <c>--db</c>, else <c>db:</c> in the configuration, else the default.</summary>
    public string ResolveDb(ParseResult parse)
        => parse.GetValue(Db) ?? Configuration(parse).Db ?? StoreFactory.DefaultDatabase;

    /// <summary>The configuration file's settings, read once per command line.</summary>
    /// <exception cref="CliException">The file cannot be read or is not valid.</exception>
    public LedeConfig Configuration(ParseResult parse)
    {
        if (_loaded is { } cached && ReferenceEquals(cached.Parse, parse))
        {
            return cached.Config;
        }

        var config = LedeConfig.Load(parse.GetValue(Config));
        _loaded = (parse, config);
        return config;
    }
}

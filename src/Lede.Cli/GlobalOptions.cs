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

    /// <summary>The database to open: <c>--db</c>, else <c>db:</c> in the configuration, else the default.</summary>
    public string ResolveDb(ParseResult parse)
        => parse.GetValue(Db) ?? LedeConfig.Load(parse.GetValue(Config)).Db ?? StoreFactory.DefaultDatabase;
}

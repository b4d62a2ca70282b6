using System.CommandLine;

namespace Lede.Cli;

/// <summary><c>lede db</c>: the database itself: its schema and its health.</summary>
internal static class DbCommand
{
    public static Command Create(GlobalOptions global) => new("db", "Migrate and check the database")
    {
        DbMigrateCommand.Create(global),
        DbCheckCommand.Create(global),
    };
}

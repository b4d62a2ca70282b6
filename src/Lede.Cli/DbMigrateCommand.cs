using System.CommandLine;
using Lede.Storage;

namespace Lede.Cli;

/// <summary><c>lede db migrate</c>: opens the database (creating it when missing) and applies the migrations it lacks.</summary>
internal static class DbMigrateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("migrate", "Bring the database's schema up to date (every command also does this on start)");
        command.SetAction(async (parse, ct) =>
        {
            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var version = await store.SchemaVersionAsync(ct);
            var applied = store is IMigratedStore migrated ? migrated.MigrationsApplied : 0;
            Console.WriteLine($"schema version {version} (applied {applied} migration{(applied == 1 ? "" : "s")})");
            return ExitCode.Success;
        });
        return command;
    }
}

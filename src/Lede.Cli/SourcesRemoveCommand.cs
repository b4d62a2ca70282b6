using System.CommandLine;
using Lede.Storage;

namespace Lede.Cli;

/// <summary><c>lede sources remove ID</c>.</summary>
internal static class SourcesRemoveCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Argument<long>("ID") { Description = "The source's id, as 'lede sources list' shows it" };
        var command = new Command("remove", "Stop following a source; the articles already stored stay") { id };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var sourceId = parse.GetValue(id);
            if (!await store.RemoveSourceAsync(sourceId, ct))
            {
                throw new CliException($"there is no source {sourceId}");
            }

            Console.WriteLine($"removed source {sourceId}");
            return ExitCode.Success;
        });
        return command;
    }
}

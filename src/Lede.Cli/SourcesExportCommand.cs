using System.CommandLine;
using Lede.Sources;
using Lede.Storage;

namespace Lede.Cli;

/// <summary><c>lede sources export [--out FILE]</c>: OPML 2.0.</summary>
internal static class SourcesExportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout", HelpName = "FILE" };
        var command = new Command("export", "Write the followed sources as OPML 2.0, for any feed reader") { output };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var opml = OpmlWriter.Write(await store.ListSourcesAsync(ct), DateTime.UtcNow);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, opml, ct);
            }
            else
            {
                Console.Write(opml);
            }

            return ExitCode.Success;
        });
        return command;
    }
}

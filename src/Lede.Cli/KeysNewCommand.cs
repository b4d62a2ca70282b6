using System.CommandLine;
using Lede.Store;

namespace Lede.Cli;

/// <summary><c>lede keys new</c>: creates the key file.</summary>
internal static class KeysNewCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("new", "Create a key file with a fresh random key (refuses to overwrite one)");
        command.SetAction(parse =>
        {
            var path = global.ResolveKeys(parse);
            if (File.Exists(path))
            {
                throw new CliException($"{path} already exists; 'lede keys rotate' adds a key to it");
            }

            var key = SecuredKey.New(out var text);
            KeyFile.Write(path, [text]);
            Console.WriteLine($"created {path} with {key}");
            return ExitCode.Success;
        });
        return command;
    }
}

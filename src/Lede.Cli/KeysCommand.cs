using System.CommandLine;

namespace Lede.Cli;

/// <summary><c>lede keys</c>: the keys that seal each article's private payload.</summary>
internal static class KeysCommand
{
    public static Command Create(GlobalOptions global) => new("keys", "Create and rotate the keys that encrypt articles' full text")
    {
        KeysNewCommand.Create(global),
        KeysRotateCommand.Create(global),
    };
}

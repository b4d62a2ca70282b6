using System.CommandLine;

namespace Lede.Cli;

/// <summary><c>lede secured</c>: the private payloads, for the operator.</summary>
internal static class SecuredCommand
{
    public static Command Create(GlobalOptions global) => new("secured", "Read articles' encrypted private payloads")
    {
        SecuredShowCommand.Create(global),
    };
}

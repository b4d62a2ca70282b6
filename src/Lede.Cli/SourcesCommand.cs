using System.CommandLine;

namespace Lede.Cli;

/// <summary><c>lede sources</c>: the feeds Lede follows.</summary>
internal static class SourcesCommand
{
    public static Command Create(GlobalOptions global) => new("sources", "Add, list, remove, import and export the feeds Lede follows")
    {
        SourcesAddCommand.Create(global),
        SourcesListCommand.Create(global),
        SourcesRemoveCommand.Create(global),
        SourcesImportCommand.Create(global),
        SourcesExportCommand.Create(global),
    };
}

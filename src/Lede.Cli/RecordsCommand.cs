using System.CommandLine;

namespace Lede.Cli;

/// <summary><c>lede records</c>: the record archive (spec/FORMAT.md).</summary>
internal static class RecordsCommand
{
    public static Command Create(GlobalOptions global) => new("records", "Import, export and check article records (YAML front matter files)")
    {
        RecordsImportCommand.Create(global),
        RecordsExportCommand.Create(global),
        RecordsCheckCommand.Create(),
    };
}

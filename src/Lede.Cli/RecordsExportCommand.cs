using System.CommandLine;
using Lede.Records;
using Lede.Storage;
using Lede.Store;

namespace Lede.Cli;

/// <summary><c>lede records export DIR</c>: writes every stored article as a record file.</summary>
internal static class RecordsExportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var dir = new Argument<string>("DIR") { Description = "Folder to write into (created when missing)" };
        var layout = new Option<string>("--layout")
        {
            Description = "numbered: NNN_<id>.txt; jekyll: a Jekyll collection, _news/YYYY-MM-DD-<slug>.md",
            DefaultValueFactory = _ => "numbered",
        }.AcceptOnlyFromAmong("numbered", "jekyll");
        var order = new Option<string>("--order")
        {
            Description = "imported: the order Lede first stored them; published: by publication time, oldest first",
            DefaultValueFactory = _ => "published",
        }.AcceptOnlyFromAmong("imported", "published");
        var command = new Command("export", "Write every stored article as a record file (copies of other articles are left out)") { dir, layout, order };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var count = await new RecordExporter(store).ExportAsync(
                parse.GetValue(dir)!,
                parse.GetValue(layout) == "jekyll" ? ExportLayout.Jekyll : ExportLayout.Numbered,
                parse.GetValue(order) == "imported" ? RecordOrder.Imported : RecordOrder.Published,
                ct);
            Console.WriteLine(count.Describe(parse.GetValue(dir)!));
            return ExitCode.Success;
        });
        return command;
    }
}

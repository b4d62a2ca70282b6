using System.CommandLine;
using Lede.Records;
using Lede.Storage;

namespace Lede.Cli;

/// <summary><c>lede records import PATH...</c>: reads record files into the database.</summary>
internal static class RecordsImportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var paths = PathArguments.Create();
        var command = new Command("import", """
            Import record files into the database. Importing the same files again changes nothing; the id in a
            NNN_<id>.txt file name is kept as the article id. Bad files are reported on stderr and skipped.
            Prints 'imported N, updated M, failed K'; exits 1 if any file failed.
            """) { paths };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var report = await new RecordImporter(store).ImportAsync(
                parse.GetValue(paths)!, problem => Console.Error.WriteLine(problem), ct);
            Console.WriteLine(report);
            return report.Failed > 0 ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }
}

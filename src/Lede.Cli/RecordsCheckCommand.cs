using System.CommandLine;
using Lede.Records;

namespace Lede.Cli;

/// <summary><c>lede records check PATH...</c>: validates record files without touching the database.</summary>
internal static class RecordsCheckCommand
{
    public static Command Create()
    {
        var paths = PathArguments.Create();
        var command = new Command("check", """
            Validate record files: the format, the canonical layout, URLs, providers, file names, and that related
            articles list each other. Prints one line per problem; exits 1 if there is any.
            """) { paths };
        command.SetAction(async (parse, ct) =>
        {
            var checker = new RecordChecker();
            int files = 0, problems = 0;
            foreach (var (file, missing) in RecordFiles.Expand(parse.GetValue(paths)!))
            {
                var found = missing is not null ? [missing] : checker.Check(file!, await File.ReadAllBytesAsync(file!, ct));
                files += missing is null ? 1 : 0;
                problems += Print(found);
            }

            problems += Print(checker.Finish());
            Console.WriteLine($"checked {files} files, {problems} problems");
            return problems > 0 ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }

    private static int Print(IEnumerable<RecordProblem> problems)
    {
        var count = 0;
        foreach (var problem in problems)
        {
            Console.WriteLine(problem);
            count++;
        }

        return count;
    }
}

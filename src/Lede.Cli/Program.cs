using System.CommandLine;
using System.CommandLine.Help;
using Lede.Cli;

// lede: the command line of the Lede news curation engine. Exit codes: 0 success, 1 failure, 2 bad usage.
var global = new GlobalOptions();
// A plain command named 'lede' rather than RootCommand, whose name would be the assembly's (Lede.Cli).
var root = new Command("lede", "Lede: follow news sources, keep what is on your topics, and publish it")
{
    new HelpOption(),
    new VersionOption(),
    global.Db,
    global.Config,
    global.Keys,
    RecordsCommand.Create(global),
    SourcesCommand.Create(global),
    DemoCommand.Create(global),
    CrawlCommand.Create(global),
    WorkerCommand.Create(global),
    ServeCommand.Create(global),
    FeedCommand.Create(),
    PageCommand.Create(),
    TopicsCommand.Create(),
    StoriesCommand.Create(),
    DedupeCommand.Create(),
    KeysCommand.Create(global),
    SecuredCommand.Create(global),
    DecisionCommand.Create(global, Lede.Decide.EditorAction.Publish),
    DecisionCommand.Create(global, Lede.Decide.EditorAction.Unpublish),
    DecisionCommand.Create(global, Lede.Decide.EditorAction.Reject),
    ExplainCommand.Create(global),
    SearchCommand.Create(global),
    DbCommand.Create(global),
};

var parse = root.Parse(args);
var chosen = parse.CommandResult.Command;
if (chosen.Subcommands.Count > 0 && chosen.Action is null && parse.UnmatchedTokens.Count == 0 && parse.Action is not HelpAction)
{
    // A command group without its verb ('lede', 'lede records'): show what it offers.
    await root.Parse([.. Ancestry(chosen), "--help"]).InvokeAsync();
    return ExitCode.Usage;
}

if (parse.Errors.Count > 0)
{
    var command = string.Join(' ', Ancestry(chosen));
    // An unknown word says more than the missing verb it displaced.
    var error = parse.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1).First();
    Console.Error.WriteLine($"lede: {OneLine(error.Message)} (see 'lede {command}{(command.Length > 0 ? " " : "")}--help')");
    return ExitCode.Usage;
}

try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is CliException or IOException or UnauthorizedAccessException or NotSupportedException or InvalidOperationException
                              or System.Data.Common.DbException or Lede.Store.SecuredPayloadException
                              or System.Text.Json.JsonException or InvalidDataException)
{
    Console.Error.WriteLine($"lede: {OneLine(e.Message)}");
    return ExitCode.Failure;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("lede: cancelled");
    return ExitCode.Failure;
}

static IEnumerable<string> Ancestry(Command command)
{
    var names = new List<string>();
    for (Symbol? s = command; s is Command c && c.Parents.Any(); s = c.Parents.FirstOrDefault())
    {
        names.Insert(0, c.Name);
    }

    return names;
}

static string OneLine(string message) => string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

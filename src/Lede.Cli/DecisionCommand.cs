using System.CommandLine;
using Lede.Decide;
using Lede.Storage;

namespace Lede.Cli;

/// <summary><c>lede publish|unpublish|reject ID</c>: an editor's decision, recorded with who, when and why; it outranks the rules.</summary>
internal static class DecisionCommand
{
    public static Command Create(GlobalOptions global, EditorAction action)
    {
        var (name, description) = action switch
        {
            EditorAction.Publish => ("publish", "Publish an article (an editor's decision outranks the publishing rules)"),
            EditorAction.Unpublish => ("unpublish", "Take an article off the published list"),
            _ => ("reject", "Reject an article for good, saying why"),
        };
        var id = ArticleIdArgument.Create();
        var why = new Option<string?>("--why") { Description = "The reason, kept with the decision", Required = action == EditorAction.Reject };
        var by = new Option<string?>("--by") { Description = "Who decides [default: the user name]", HelpName = "EDITOR" };
        var command = new Command(name, description) { id, why, by };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(id)!;
            var articleId = ArticleIdArgument.Parse(text);

            var reason = parse.GetValue(why)?.Trim();
            if (action == EditorAction.Reject && string.IsNullOrEmpty(reason))
            {
                throw new CliException("reject needs a reason: --why \"...\"");
            }

            var editor = parse.GetValue(by)?.Trim() is { Length: > 0 } named ? named : Environment.UserName;
            var decision = new EditorDecision(action, editor, TruncateToSeconds(DateTime.UtcNow), string.IsNullOrEmpty(reason) ? null : reason);
            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            if (!await store.SaveDecisionAsync(articleId, decision, ct))
            {
                throw new CliException($"there is no article {text}");
            }

            Console.WriteLine($"{text}: {decision}");
            return ExitCode.Success;
        });
        return command;
    }

    private static DateTime TruncateToSeconds(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}

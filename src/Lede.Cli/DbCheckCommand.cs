using System.CommandLine;
using System.Text.Json;
using Lede.Storage;
using Lede.Store;

namespace Lede.Cli;

/// <summary><c>lede db check</c>: the database's integrity and Lede's invariants, one line per problem; exit 1 when there is any.</summary>
internal static class DbCheckCommand
{
    /// <value>Default: 20 notices printed one by one.</value>
    private const int NoticesShown = 20;

    public static Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("check", "Check the database: integrity, orphan rows, related links, the search index, sealed payloads (MACs too when keys are configured)") { json };
        command.SetAction(async (parse, ct) =>
        {
            // Keys are optional here: without them every payload is still checked for its key id and MAC.
            var keys = KeyRing.Load(global.ResolveKeys(parse));
            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var articles = await store.CountArticlesAsync(ct);
            var found = await store.CheckAsync(keys, ct);
            var problems = found.Where(p => !p.IsNotice).ToList();
            var notices = found.Where(p => p.IsNotice).ToList();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    articles,
                    macsVerified = keys is not null,
                    problems = problems.Select(p => new { kind = p.Kind, subject = p.Subject, message = p.Message }),
                    notices = notices.Select(p => new { kind = p.Kind, subject = p.Subject, message = p.Message }),
                }, CliJson.Options));
            }
            else
            {
                foreach (var problem in problems)
                {
                    Console.WriteLine(problem);
                }

                // Notices do not fail the check; a long list of them is cut short, the count kept.
                foreach (var notice in notices.Take(NoticesShown))
                {
                    Console.WriteLine(notice);
                }

                if (notices.Count > NoticesShown)
                {
                    Console.WriteLine($"notice: {notices.Count - NoticesShown} more notices (--json lists them)");
                }

                var macs = keys is null ? "MACs not verified: no keys configured" : $"MACs verified with {keys.Keys.Count} key{(keys.Keys.Count == 1 ? "" : "s")}";
                Console.WriteLine($"checked {articles} article{(articles == 1 ? "" : "s")}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}{(notices.Count == 0 ? "" : $", {notices.Count} notice{(notices.Count == 1 ? "" : "s")}")} ({macs})");
            }

            return problems.Count == 0 ? ExitCode.Success : ExitCode.Failure;
        });
        return command;
    }
}

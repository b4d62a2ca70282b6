using System.CommandLine;
using Lede.Storage;
using Lede.Web;

namespace Lede.Cli;

/// <summary><c>lede serve</c>: the web server over the database (for now the public JSON API).</summary>
internal static class ServeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen; loopback unless you say otherwise",
            DefaultValueFactory = _ => LedeWeb.DefaultUrl,
            HelpName = "URL",
        };
        var command = new Command("serve", """
            Serve the stored articles: GET /api/articles (the published ones, newest first; ?limit=N),
            GET /api/articles/<id>, GET /healthz. Runs until interrupted (Ctrl+C).
            """) { urls };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            await using var app = LedeWeb.Build(store, parse.GetValue(urls)!);
            await app.StartAsync(ct);
            Console.WriteLine($"serving on {string.Join(", ", app.Urls)}");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop cleanly below.
            }

            await app.StopAsync(CancellationToken.None);
            return ExitCode.Success;
        });
        return command;
    }
}

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
        var perSecond = new Option<int>("--requests-per-second")
        {
            Description = "Requests one client address may make a second (bursts of twice that; 0 = no limit). Behind a reverse proxy every client shares the proxy's address",
            DefaultValueFactory = _ => LedeWeb.DefaultRequestsPerSecond,
            HelpName = "N",
        };
        var command = new Command("serve", """
            Serve the stored articles: GET /api/articles (the published ones, newest first; ?limit=N),
            GET /api/articles/<id>, GET /healthz. Runs until interrupted (Ctrl+C).
            """) { urls, perSecond };
        command.SetAction(async (parse, ct) =>
        {
            var limit = parse.GetValue(perSecond);
            if (limit < 0)
            {
                Console.Error.WriteLine($"lede serve: --requests-per-second must be 0 (no limit) or more, not {limit}");
                return ExitCode.Usage;
            }

            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            await using var app = LedeWeb.Build(store, parse.GetValue(urls)!, limit);
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

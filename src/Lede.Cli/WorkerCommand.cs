using System.CommandLine;
using System.Globalization;
using Lede.Decide;
using Lede.Fetch;
using Lede.Parse;
using Lede.Pipeline;
using Lede.Sources;
using Lede.Storage;
using Lede.Store;

namespace Lede.Cli;

/// <summary><c>lede worker</c>: one of several processes sharing a PostgreSQL database.</summary>
internal static class WorkerCommand
{
    public static Command Create(GlobalOptions global)
    {
        var allowPrivate = new Option<bool>("--allow-private")
        {
            Description = "Allow fetching from loopback and private networks (refused by default: they are not news sources)",
        };
        var untilIdle = new Option<bool>("--until-idle") { Description = "Exit once no source is due and no page is queued (else run until stopped)" };
        var pause = new Option<double>("--pause")
        {
            Description = "Seconds to wait when there is nothing to do",
            DefaultValueFactory = _ => 5,
        };
        var lease = new Option<double>("--lease")
        {
            Description = "Seconds a claim lasts; a worker silent for longer loses its work to the others",
            DefaultValueFactory = _ => 120,
        };
        var command = new Command("worker", """
            Work beside other workers on one PostgreSQL database (--db postgres://…): claim due sources and fetch
            them, queue their new items' pages, claim queued pages and read them, and store the articles through the
            story stages. Claims are leases: a worker that dies leaves its work to the others. Stories are assigned
            by one worker at a time. Stops on Ctrl-C or SIGTERM between steps; with --until-idle, when nothing is left.
            """) { allowPrivate, untilIdle, pause, lease };
        command.SetAction(async (parse, ct) =>
        {
            var db = global.ResolveDb(parse);
            if (!StoreFactory.IsPostgres(db))
            {
                throw new CliException("lede worker needs PostgreSQL (--db postgres://…); with SQLite, one process crawls: 'lede crawl'");
            }

            var pauseSeconds = parse.GetValue(pause);
            var leaseSeconds = parse.GetValue(lease);
            if (pauseSeconds is < 0 or > 3600 || leaseSeconds is < 1 or > 86400)
            {
                throw new CliException("--pause must be 0–3600 seconds and --lease 1–86400 seconds");
            }

            await using var store = StoreFactory.Open(db);
            if (store is not IWorkQueue queue)
            {
                throw new CliException("this store has no work queue (lede worker needs PostgreSQL)");
            }

            using var fetcher = new Fetcher((global.Configuration(parse).Fetch ?? new FetchOptions()) with { AllowPrivate = parse.GetValue(allowPrivate) });
            var (articles, box, finish) = ArticleSetup.Create(global, parse, fetcher, db, createKey: false);
            var feeds = new FeedHarvester(store, fetcher, FeedParser.Parse, TimeProvider.System);
            var worker = new Worker(store, queue, feeds, articles, new SourceScheduler(Random.Shared), TimeProvider.System)
            {
                Lease = TimeSpan.FromSeconds(leaseSeconds),
                OpenCurator = token => ArticleSetup.CuratorAsync(global, parse, store, box, PublishRules.None, token),
            };
            Console.WriteLine($"worker {worker.Owner} started");
            var total = 0;
            try
            {
                await worker.RunAsync(parse.GetValue(untilIdle), TimeSpan.FromSeconds(pauseSeconds),
                    turn =>
                    {
                        total += turn.Added;
                        Console.WriteLine(turn);
                        foreach (var failure in turn.Failures)
                        {
                            Console.Error.WriteLine($"lede: {failure}");
                        }
                    },
                    error => Console.Error.WriteLine($"lede: {error}"), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopped by the user between steps: what was claimed and not finished lapses to the others.
            }

            finish();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker {worker.Owner} stopped: {total} new articles"));
            return ExitCode.Success;
        });
        return command;
    }
}

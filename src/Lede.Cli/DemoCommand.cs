using System.CommandLine;
using Lede.Decide;
using Lede.Fetch;
using Lede.Parse;
using Lede.Pipeline;
using Lede.Sources;
using Lede.Storage;
using Lede.Web.Demo;

namespace Lede.Cli;

/// <summary><c>lede demo</c>: the sample newsroom, served on loopback and crawled into the database.</summary>
internal static class DemoCommand
{
    /// <summary>What the demo publishes unless lede.yml has a <c>publish:</c> section: what an AI desk's rules might say.</summary>
    private static readonly PublishRules DemoRules = new() { MinQuality = 50, Topics = ["AI"] };

    public static Command Create(GlobalOptions global)
    {
        var command = new Command("demo", """
            Serve the sample newsroom (samples/newsroom: 13 news sites with their feeds and article pages) on a
            loopback port, follow its feeds and crawl them into the database (./data by default): every article's
            page is read and its lead image cached; full text is encrypted under ./lede.keys (created if missing). Everything stays
            offline: articles keep their real URLs, and only the newsroom's hosts are fetched, from the local copy.
            Running it again adds nothing new.
            """);
        command.SetAction(async (parse, ct) =>
        {
            var folder = LedeHome.Find(Path.Combine("samples", "newsroom"));
            await using var site = await MirrorSite.StartAsync(folder, ct);
            Console.WriteLine($"serving the sample newsroom at {site.BaseAddress}");
            var db = global.ResolveDb(parse);
            await using var store = StoreFactory.Open(db);
            var (added, known, _) = await SourcesImportCommand.ImportAsync(store, Path.Combine(folder, "sources.opml"), ct);
            Console.WriteLine($"following {added + known} newsroom feeds ({added} new)");

            // The mirror is one local host: no politeness delay is owed to it.
            using var network = new Fetcher(new FetchOptions { AllowPrivate = true, PerHostDelay = TimeSpan.Zero, PerHostConcurrency = 8 });
            var hosts = site.Hosts;
            var fetcher = new MirrorFetcher(network, site.BaseAddress, hosts);
            var (articles, box, finish) = ArticleSetup.Create(global, parse, fetcher, db, createKey: true);
            var crawler = new Crawler(store, fetcher, FeedParser.Parse, new SourceScheduler(Random.Shared), TimeProvider.System)
            {
                Articles = articles,
                Curator = await ArticleSetup.CuratorAsync(global, parse, store, box, DemoRules, ct),
            };
            var due = (await crawler.DueAsync(all: true, ct)).Where(s => hosts.Contains(new Uri(s.Url).Host)).ToList();
            var report = await CrawlDisplay.RunAsync(due.Count, onSource => crawler.CrawlAsync(due, onSource, ct), verbose: false);
            finish();
            Console.WriteLine(report);
            return ExitCode.Success;
        });
        return command;
    }
}

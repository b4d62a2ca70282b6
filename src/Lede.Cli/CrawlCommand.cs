using System.CommandLine;
using Lede.Decide;
using Lede.Fetch;
using Lede.Parse;
using Lede.Pipeline;
using Lede.Sources;
using Lede.Storage;

namespace Lede.Cli;

/// <summary><c>lede crawl</c>: one pass over the due sources.</summary>
internal static class CrawlCommand
{
    public static Command Create(GlobalOptions global)
    {
        var allowPrivate = new Option<bool>("--allow-private")
        {
            Description = "Allow fetching from loopback and private networks (refused by default: they are not news sources)",
        };
        var all = new Option<bool>("--all") { Description = "Fetch every enabled source now, due or not" };
        var verbose = new Option<bool>("--verbose") { Description = "Print what each feed needed repairing" };
        var command = new Command("crawl", """
            Fetch the due sources once, parse them, read each new item's page (canonical URL, metadata, main text,
            lead image, cached under data/images) and store the articles; full text is encrypted with the key
            file's key ('lede keys new'). Re-running stores
            nothing twice; unchanged feeds cost one conditional request. Failures are reported per source and
            scheduled for a retry with backoff ('lede sources list' shows them).
            """) { allowPrivate, all, verbose };
        command.SetAction(async (parse, ct) =>
        {
            var db = global.ResolveDb(parse);
            await using var store = StoreFactory.Open(db);
            using var fetcher = new Fetcher((global.Configuration(parse).Fetch ?? new FetchOptions()) with { AllowPrivate = parse.GetValue(allowPrivate) });
            var (articles, box, finish) = ArticleSetup.Create(global, parse, fetcher, db, createKey: false);
            var crawler = new Crawler(store, fetcher, FeedParser.Parse, new SourceScheduler(Random.Shared), TimeProvider.System)
            {
                Articles = articles,
                Curator = await ArticleSetup.CuratorAsync(global, parse, store, box, PublishRules.None, ct),
            };
            var due = await crawler.DueAsync(parse.GetValue(all), ct);
            var report = await CrawlDisplay.RunAsync(due.Count, onSource => crawler.CrawlAsync(due, onSource, ct), parse.GetValue(verbose));
            finish();
            Console.WriteLine(report);
            return ExitCode.Success;
        });
        return command;
    }
}

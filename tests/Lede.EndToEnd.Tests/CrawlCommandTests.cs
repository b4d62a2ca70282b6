using Lede.Tests.Support;
using Lede.Web.Demo;

namespace Lede.EndToEnd.Tests;

/// <summary>lede sources, lede crawl and lede demo against the sample newsroom served on loopback.</summary>
public sealed class CrawlCommandTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("lede-crawl-").FullName;
    private MirrorSite _site = null!;

    public async Task InitializeAsync() => _site = await MirrorSite.StartAsync(Path.Combine(Repo.Root, "samples", "newsroom"), default);

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private Task<CliRun> Lede(params string[] args) => LedeCli.RunAsync(_work, args);

    private string Feed(string hostAndPath) => new Uri(_site.BaseAddress, hostAndPath).AbsoluteUri;

    [Fact]
    public async Task Loopback_sources_are_refused_unless_allowed()
    {
        await Lede("sources", "add", Feed("www.dailydot.com/feed.xml"));

        var refused = await Lede("crawl");
        var list = await Lede("sources", "list", "--json");

        refused.ExitCode.ShouldBe(0);
        refused.Stdout.ShouldContain("crawled 1 sources: 0 new articles, 0 already known, 1 sources failed");
        refused.Stderr.ShouldContain("127.0.0.1");
        list.Stdout.ShouldContain("\"consecutiveErrors\":1");
    }

    [Fact]
    public async Task A_crawl_stores_each_item_once_and_a_second_crawl_nothing()
    {
        await Lede("sources", "add", Feed("www.dailydot.com/feed.xml"));
        await Lede("sources", "add", Feed("newyork.cbslocal.com/feed.json"));
        await Lede("sources", "add", Feed("www.compsmag.com/feed.xml"));

        var first = await Lede("crawl", "--allow-private");
        var second = await Lede("crawl", "--allow-private", "--all");

        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stdout.ShouldMatch(@"crawled 3 sources: [1-9][0-9]* new articles, 0 already known, 0 sources failed");
        second.Stdout.ShouldContain(" 0 new articles");
        var export = await Lede("records", "export", "out");
        export.ExitCode.ShouldBe(0, export.Stderr);
        Directory.GetFiles(Path.Combine(_work, "out")).Length.ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Sources_round_trip_through_OPML()
    {
        var import = await Lede("sources", "import", Path.Combine(Repo.Root, "samples", "newsroom", "sources.opml"));
        var again = await Lede("sources", "import", Path.Combine(Repo.Root, "samples", "newsroom", "sources.opml"));
        await Lede("sources", "export", "--out", "exported.opml");
        var reimport = await Lede("sources", "import", "exported.opml", "--db", "other.db");

        import.ShouldBe(new CliRun(0, "added 13 sources, 0 already followed, 0 skipped\n", ""));
        again.Stdout.ShouldBe("added 0 sources, 13 already followed, 0 skipped\n");
        reimport.Stdout.ShouldBe("added 13 sources, 0 already followed, 0 skipped\n");
    }

    [Fact]
    public async Task The_demo_crawls_the_newsroom_once_and_a_second_run_adds_nothing()
    {
        var first = await Lede("demo");
        var second = await Lede("demo");

        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stdout.ShouldContain("crawled 13 sources: 72 new articles, 0 already known, 0 sources failed");
        second.Stdout.ShouldContain("crawled 13 sources: 0 new articles, 0 already known, 0 sources failed");
        var check = await Lede("records", "export", "out");
        check.ExitCode.ShouldBe(0);
        (await Lede("records", "check", "out")).Stdout.ShouldEndWith("checked 72 files, 0 problems\n");
    }
}

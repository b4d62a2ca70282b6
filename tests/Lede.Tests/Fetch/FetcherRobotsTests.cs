using System.Diagnostics;
using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>Pages obey the site's robots.txt, read once per site; feeds do not.</summary>
public sealed class FetcherRobotsTests : IAsyncLifetime
{
    private readonly RobotsSite _site = new();
    private readonly Fetcher _fetcher = Loopback.Fetcher();

    public Task InitializeAsync() => _site.InitializeAsync();

    public async Task DisposeAsync()
    {
        _fetcher.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task A_disallowed_page_is_not_requested_and_robots_txt_is_read_once()
    {
        _site.Robots = (200, "User-agent: *\nDisallow: /private/\n");

        var e = await _fetcher.FailAsync(_site.Url("/private/a.html"), FetchKind.Page);
        await _fetcher.GetAsync(_site.Url("/news/b.html"), FetchKind.Page);
        await _fetcher.GetAsync(_site.Url("/news/c.html"), FetchKind.Page);

        e.Failure.ShouldBe(FetchFailure.Disallowed);
        e.IsTransient.ShouldBeFalse();
        e.Message.ShouldContain("/robots.txt disallows this page");
        _site.Hits("/private/a.html").ShouldBe(0);
        _site.Hits("/news/b.html").ShouldBe(1);
        _site.Hits("/robots.txt").ShouldBe(1);
    }

    [Fact]
    public async Task Feeds_are_fetched_whatever_robots_txt_says()
    {
        _site.Robots = (200, "User-agent: *\nDisallow: /\n");

        (await _fetcher.GetAsync(_site.Url("/feed.xml"))).Status.ShouldBe(200);

        _site.Hits("/robots.txt").ShouldBe(0);
    }

    [Theory]
    [InlineData(404, true)]
    [InlineData(403, true)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    [InlineData(429, false)]
    public async Task Without_rules_a_missing_robots_txt_allows_and_an_unreadable_one_keeps_out(int status, bool allowed)
    {
        _site.Robots = (status, "User-agent: *\nDisallow: /\n");
        var page = _site.Url("/a.html");

        if (allowed)
        {
            (await _fetcher.GetAsync(page, FetchKind.Page)).Status.ShouldBe(200);
        }
        else
        {
            (await _fetcher.FailAsync(page, FetchKind.Page)).Failure.ShouldBe(FetchFailure.Disallowed);
        }
    }

    [Fact]
    public async Task Rules_for_another_crawler_do_not_apply_and_switching_robots_off_skips_it()
    {
        _site.Robots = (200, "User-agent: SomeBot\nDisallow: /\n\nUser-agent: Lede\nDisallow: /drafts\n");
        using var ignoring = Loopback.Fetcher(Loopback.Options with { ObeyRobots = false });

        (await _fetcher.GetAsync(_site.Url("/news.html"), FetchKind.Page)).Status.ShouldBe(200);
        (await _fetcher.FailAsync(_site.Url("/drafts/1.html"), FetchKind.Page)).Failure.ShouldBe(FetchFailure.Disallowed);
        (await ignoring.GetAsync(_site.Url("/drafts/2.html"), FetchKind.Page)).Status.ShouldBe(200);
    }

    [Fact]
    public async Task Pages_are_spaced_by_the_crawl_delay_up_to_the_cap()
    {
        _site.Robots = (200, "User-agent: *\nCrawl-delay: 60\n");
        using var fetcher = Loopback.Fetcher(Loopback.Options with { MaxCrawlDelay = TimeSpan.FromMilliseconds(300) });

        var clock = Stopwatch.StartNew();
        await fetcher.GetAsync(_site.Url("/1.html"), FetchKind.Page);
        await fetcher.GetAsync(_site.Url("/2.html"), FetchKind.Page);
        await fetcher.GetAsync(_site.Url("/3.html"), FetchKind.Page);

        // robots.txt, then three pages each at least 300 ms after the request before it.
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(3 * 300));
    }
}

using Lede.Fetch;

namespace Lede.Tests.Fetch;

public sealed class RobotsRulesTests
{
    private static bool Allows(string robots, string path, string token = "Lede")
        => RobotsRules.Parse(robots, token).Allows(new Uri("https://example.com" + path));

    [Theory]
    [InlineData("/", true)]
    [InlineData("/news/2026/story.html", true)]
    [InlineData("/private", false)]
    [InlineData("/private/x", false)]
    [InlineData("/privateer", false)]
    [InlineData("/search?q=x", false)]
    [InlineData("/robots.txt", true)]
    public void The_star_group_applies_when_none_names_the_crawler(string path, bool allowed)
        => Allows("User-agent: *\nDisallow: /private\nDisallow: /search\n", path).ShouldBe(allowed);

    [Fact]
    public void The_group_naming_the_crawler_replaces_the_star_group()
    {
        const string robots = "User-agent: *\nDisallow: /\n\nUser-agent: lede/2.0\nDisallow: /drafts/\n";

        Allows(robots, "/news/a").ShouldBeTrue();
        Allows(robots, "/drafts/a").ShouldBeFalse();
        Allows(robots, "/news/a", token: "OtherBot").ShouldBeFalse();
    }

    [Fact]
    public void Groups_naming_the_crawler_twice_are_combined_and_shared_groups_apply()
    {
        const string robots = "User-agent: Lede\nDisallow: /a/\n\nUser-agent: Googlebot\nUser-agent: LEDE\nDisallow: /b/\n";

        Allows(robots, "/a/x").ShouldBeFalse();
        Allows(robots, "/b/x").ShouldBeFalse();
        Allows(robots, "/c/x").ShouldBeTrue();
    }

    [Theory]
    [InlineData("/page", true)] // the longest match wins: Allow /page is longer than Disallow /
    [InlineData("/other", false)]
    [InlineData("/page.php", false)] // "/*.php$" (6) is longer than "/page" (5)
    [InlineData("/page.php?x=1", true)] // "$" anchors the end: the query makes it not match
    [InlineData("/folder/file.pdf", false)]
    [InlineData("/folder/a/b/file.pdf", false)]
    [InlineData("/folder/file.pdf.html", true)]
    public void Longest_match_wins_with_wildcards_and_anchors(string path, bool allowed)
        => Allows("User-agent: *\nDisallow: /\nAllow: /page\nDisallow: /*.php$\nAllow: /folder/\nDisallow: /folder/*.pdf$\n", path).ShouldBe(allowed);

    [Fact]
    public void An_allow_wins_a_tie_and_an_empty_disallow_allows_everything()
    {
        Allows("User-agent: *\nDisallow: /news\nAllow: /news\n", "/news/a").ShouldBeTrue();
        Allows("User-agent: *\nDisallow:\n", "/anything").ShouldBeTrue();
    }

    [Fact]
    public void Comments_junk_lines_and_sitemaps_are_skipped()
    {
        const string robots = "<html>oops</html>\n# a comment\nSitemap: https://example.com/s.xml\nUser-agent: * # everyone\nDisallow: /x # not x\nnonsense\n";

        Allows(robots, "/x/1").ShouldBeFalse();
        Allows(robots, "/y").ShouldBeTrue();
    }

    [Fact]
    public void Non_ascii_and_escapes_compare_alike()
    {
        Allows("User-agent: *\nDisallow: /café\n", "/caf%C3%A9/menu").ShouldBeFalse();
        Allows("User-agent: *\nDisallow: /caf%c3%a9\n", "/café").ShouldBeFalse();
    }

    [Theory]
    [InlineData("Crawl-delay: 5", 5.0)]
    [InlineData("Crawl-delay: 0.5", 0.5)]
    [InlineData("Crawl-delay: soon", null)]
    [InlineData("Crawl-delay: -3", null)]
    public void Crawl_delay_is_read_when_valid(string line, double? seconds)
        => RobotsRules.Parse($"User-agent: *\n{line}\nDisallow: /x\n", "Lede").CrawlDelay.ShouldBe(seconds is { } s ? TimeSpan.FromSeconds(s) : null);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("User-agent: Googlebot\nDisallow: /\n")]
    public void No_rules_for_this_crawler_allow_everything(string? robots)
        => RobotsRules.Parse(robots, "Lede").Allows(new Uri("https://example.com/a")).ShouldBeTrue();

    [Fact]
    public void Only_the_first_512_KiB_are_read()
    {
        var robots = "User-agent: *\nDisallow: /early\n" + new string('#', RobotsRules.MaxLength) + "\nDisallow: /late\n";

        Allows(robots, "/early").ShouldBeFalse();
        Allows(robots, "/late").ShouldBeTrue();
    }

    [Fact]
    public void Disallow_all_keeps_out_everything_but_robots_txt()
    {
        RobotsRules.DisallowAll.Allows(new Uri("https://example.com/")).ShouldBeFalse();
        RobotsRules.DisallowAll.Allows(new Uri("https://example.com/robots.txt")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Lede/0.1 (+https://github.com/lede-news/lede)", "Lede")]
    [InlineData("Mozilla/5.0", "Mozilla")]
    [InlineData("my-bot_2", "my-bot_")]
    public void The_product_token_is_the_name_before_the_version(string agent, string token)
        => RobotsRules.Token(agent).ShouldBe(token);
}

namespace Lede.Tests.Parse;

public sealed class XmlSecurityTests
{
    [Fact]
    public void An_external_entity_is_never_resolved()
    {
        var result = ParseFixtures.Parse("rss20-xxe-external-entity.xml");
        var feed = result.Feed.ShouldNotBeNull();
        (feed.Title ?? "").ShouldNotContain("root:");
        feed.Items.Single().Title.ShouldBe("Still here");
    }

    [Fact]
    public void Billion_laughs_is_harmless_and_fast()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = ParseFixtures.Parse("rss20-billion-laughs.xml");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        (result.Feed?.Title?.Length ?? 0).ShouldBeLessThan(1000);
        result.Feed!.Items.Single().Title.ShouldBe("Item");
    }

    [Fact]
    public void Deeply_nested_xml_does_not_crash_the_process()
    {
        var xml = "<rss version=\"2.0\"><channel><item><description>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "x</description></item></channel></rss>";
        var result = ParseFixtures.Text(xml);
        (result.Feed is not null || result.Error is not null).ShouldBeTrue();
    }
}

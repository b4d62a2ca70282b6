using Lede.Parse;

namespace Lede.Tests.Parse;

public sealed class OpmlReaderTests
{
    private static OpmlResult Read(string name, string? url = null)
        => OpmlReader.Parse(new FeedInput(ParseFixtures.Bytes(name), null, url is null ? null : new Uri(url)));

    [Fact]
    public void Outlines_are_read_in_order_with_folders_as_categories_and_relative_urls_resolved()
    {
        var result = Read("opml-folders-and-missing-url.opml", "https://me.example.org/subs.opml");
        result.Error.ShouldBeNull();
        result.Outlines.ShouldBe(
        [
            new OpmlOutline("https://feeds.example.com/bbc.xml", "https://www.example.com/", "BBC", "BBC & co", "News"),
            new OpmlOutline("https://me.example.org/town.rss", null, null, "Town", "News/Local"),
            new OpmlOutline("https://t.example.com/feed", null, null, "Tagged", "/Tech,/Science"),
        ]);
    }

    [Fact]
    public void An_outline_without_a_url_is_skipped_with_a_warning()
        => Read("opml-folders-and-missing-url.opml").Warnings.ShouldContain(w => w.Kind == "url");

    [Fact]
    public void A_feed_is_not_opml()
        => Read("rss20-full-item.xml").Error.ShouldNotBeNull().ShouldContain("not OPML");

    [Fact]
    public void Opml_with_an_external_entity_does_not_resolve_it()
    {
        var xml = """<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline text="&x;" xmlUrl="https://e.com/f"/></body></opml>""";
        var result = OpmlReader.Parse(new FeedInput(System.Text.Encoding.UTF8.GetBytes(xml)));
        result.Outlines.Single().Text.ShouldNotBeNull().ShouldNotContain("root:");
    }

    /// <summary>X19, A2: a list of 100,000 feeds is cut at the cap, with a warning, and read in bounded time.</summary>
    [Fact]
    public void Outlines_past_the_cap_are_skipped_with_a_warning()
    {
        var body = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"<outline text=\"f{i}\" xmlUrl=\"https://e.com/{i}.xml\"/>"));
        var xml = $"<?xml version=\"1.0\"?><opml version=\"2.0\"><body>{body}</body></opml>";

        var result = OpmlReader.Parse(new FeedInput(System.Text.Encoding.UTF8.GetBytes(xml)));

        result.Error.ShouldBeNull();
        result.Outlines.Count.ShouldBe(OpmlReader.MaxOutlines);
        result.Outlines[^1].XmlUrl.ShouldBe($"https://e.com/{OpmlReader.MaxOutlines - 1}.xml");
        result.Warnings.ShouldContain(w => w.Message.Contains($"more than {OpmlReader.MaxOutlines} outlines", StringComparison.Ordinal));
    }
}

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
}

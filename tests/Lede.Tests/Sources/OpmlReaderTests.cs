using System.Text;
using Lede.Sources;

namespace Lede.Tests.Sources;

public sealed class OpmlReaderTests
{
    private static (IReadOnlyList<OpmlOutline> Outlines, string? Error) Read(string opml)
        => OpmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(opml)));

    [Fact]
    public void Folders_and_categories_become_topic_hints()
    {
        var (outlines, error) = Read("""
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>x</title></head><body>
              <outline text="AI">
                <outline text="Vision">
                  <outline type="rss" text="Daily Dot" xmlUrl="https://www.dailydot.com/feed.xml" htmlUrl="https://www.dailydot.com/" category="/Privacy,Policy/EU"/>
                </outline>
              </outline>
              <outline type="rss" title="IFEX" text="ignored" xmlUrl="https://ifex.org/feed/"/>
              <outline text="A folder with no feeds"/>
            </body></opml>
            """);

        error.ShouldBeNull();
        outlines.Count.ShouldBe(2);
        (outlines[0].XmlUrl, outlines[0].Title, outlines[0].HtmlUrl).ShouldBe(("https://www.dailydot.com/feed.xml", "Daily Dot", "https://www.dailydot.com/"));
        outlines[0].Categories.ShouldBe(["Privacy", "Policy", "EU", "AI", "Vision"]);
        (outlines[1].Title, outlines[1].Categories.Count).ShouldBe(("IFEX", 0));
    }

    [Fact]
    public void OPML_1_with_lowercase_attributes_reads_too()
        => Read("""<opml version="1.0"><body><outline title="T" xmlurl="http://example.com/rss"/></body></opml>""")
            .Outlines.Single().XmlUrl.ShouldBe("http://example.com/rss");

    [Theory]
    [InlineData("<html><body>not opml</body></html>", "not OPML: no <opml> element")]
    [InlineData("<opml><body><outline xmlUrl='x'></body>", "not well-formed XML at line 1")]
    public void A_file_that_is_not_OPML_says_why(string text, string expected)
        => Read(text).Error!.ShouldStartWith(expected);

    [Fact]
    public void External_entities_are_never_resolved()
    {
        var (outlines, _) = Read("""
            <?xml version="1.0"?>
            <!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://example.com/feed"/></body></opml>
            """);

        outlines.ShouldAllBe(o => o.Title == null || !o.Title.Contains("root:", StringComparison.Ordinal));
    }
}

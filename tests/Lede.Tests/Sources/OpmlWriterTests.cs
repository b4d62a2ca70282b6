using System.Text;
using System.Xml.Linq;
using Lede.Parse;
using Lede.Sources;

namespace Lede.Tests.Sources;

public sealed class OpmlWriterTests
{
    private static readonly DateTime Created = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Written_sources_read_back_with_their_titles_and_topics()
    {
        var opml = OpmlWriter.Write(
            [
                new Source { Url = "https://example.com/feed?a=1&b=2", Title = "Tom & Jerry \"daily\"", Topics = ["ai", "policy"] },
                new Source { Url = "https://example.org/rss" },
            ],
            Created);

        var result = OpmlReader.Parse(new FeedInput(Encoding.UTF8.GetBytes(opml)));

        result.Error.ShouldBeNull();
        result.Outlines.ShouldBe(
        [
            new OpmlOutline("https://example.com/feed?a=1&b=2", null, "Tom & Jerry \"daily\"", "Tom & Jerry \"daily\"", "/ai,/policy"),
            new OpmlOutline("https://example.org/rss", null, null, "https://example.org/rss", null),
        ]);
    }

    /// <summary>M15: a JSON feed's title may hold any character; the export must stay well-formed XML.</summary>
    [Fact]
    public void Characters_xml_cannot_hold_are_left_out_and_the_rest_is_kept()
    {
        var opml = OpmlWriter.Write([new Source { Url = "https://example.com/feed", Title = "Bell\u0007 \uFFFE half\uD800 emoji \U0001F600 end\u0000", Topics = ["t\u0001"] }], Created);

        // Strict XML: System.Xml refuses any character XML cannot hold.
        var outline = XDocument.Parse(opml).Descendants("outline").Single();

        outline.Attribute("title")!.Value.ShouldBe("Bell  half emoji \U0001F600 end");
        outline.Attribute("category")!.Value.ShouldBe("/t");
        OpmlReader.Parse(new FeedInput(Encoding.UTF8.GetBytes(opml))).Outlines.Single().XmlUrl.ShouldBe("https://example.com/feed");
    }
}

using Lede.Parse;

namespace Lede.Tests.Parse;

public sealed class RdfReaderTests
{
    [Fact]
    public void Rss_10_channel_and_sibling_items_are_read_with_dublin_core()
    {
        var feed = ParseFixtures.Feed("rss10-rdf.xml");
        feed.Format.ShouldBe("rdf");
        feed.Version.ShouldBe("1.0");
        feed.Title.ShouldBe("RDF site");
        feed.Language.ShouldBe("fr");
        feed.Copyright.ShouldBe("CC");
        feed.Items.Count.ShouldBe(2);
        feed.Items[0].Published.ShouldBe(new DateTime(2004, 1, 2, 2, 4, 5, DateTimeKind.Utc));
        feed.Items[0].Authors.ShouldBe([new FeedPerson("Anne", null)]);
    }

    [Fact]
    public void Rss_090_is_detected_from_its_namespace()
    {
        var feed = ParseFixtures.Text("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            <channel><title>Old</title></channel><item><title>I</title><link>http://e.org/i</link></item></rdf:RDF>
            """).Feed!;
        feed.Version.ShouldBe("0.9");
        feed.Items.Single().Link.ShouldBe("http://e.org/i");
    }

    [Fact]
    public void An_item_without_a_guid_is_identified_by_its_rdf_about()
    {
        var feed = ParseFixtures.Text("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
            <item rdf:about="http://example.org/1"><title>I</title></item></rdf:RDF>
            """).Feed!;
        feed.Items.Single().Id.ShouldBe("http://example.org/1");
    }
}

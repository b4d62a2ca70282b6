using Lede.Parse;

namespace Lede.Tests.Parse;

public sealed class AtomReaderTests
{
    [Fact]
    public void Feed_fields_resolve_against_xml_base_and_html_titles_become_text()
    {
        var feed = ParseFixtures.Feed("atom10-xml-base-and-xhtml-content.xml");
        feed.Format.ShouldBe("atom");
        feed.Version.ShouldBe("1.0");
        feed.Title.ShouldBe("My blog");
        feed.Description.ShouldBe("Notes &amp; more");
        feed.Link.ShouldBe("https://example.com/blog/");
        feed.FeedLink.ShouldBe("https://example.com/blog/atom.xml");
        feed.Language.ShouldBe("en");
        feed.Authors.ShouldBe([new FeedPerson("Ann", "ann@example.com")]);
    }

    [Fact]
    public void Entry_xhtml_content_is_serialized_sanitized_and_resolved_against_its_own_base()
    {
        var entry = ParseFixtures.Feed("atom10-xml-base-and-xhtml-content.xml").Items[0];
        entry.Id.ShouldBe("tag:example.com,2021:1");
        entry.Link.ShouldBe("https://example.com/blog/posts/1");
        entry.Description.ShouldBe("1 &lt; 2 is true");
        entry.Content.ShouldBe("<p>Hello <a href=\"https://cdn.example.com/img/x\" rel=\"noopener noreferrer\">link</a></p>");
        entry.Published.ShouldBe(new DateTime(2021, 9, 17, 0, 13, 0, 123, DateTimeKind.Utc));
        entry.Updated.ShouldBe(new DateTime(2021, 9, 17, 10, 0, 0, DateTimeKind.Utc));
        entry.Categories.ShouldBe(["tech"]);
        entry.Enclosures.ShouldBe([new FeedEnclosure("https://example.com/media/1.mp3", "audio/mpeg", 42)]);
    }

    [Fact]
    public void Escaped_html_content_is_unescaped_once_and_a_date_only_updated_is_midnight_utc()
    {
        var entry = ParseFixtures.Feed("atom10-xml-base-and-xhtml-content.xml").Items[1];
        entry.Content.ShouldBe("<p>Escaped <b>html</b></p>");
        entry.Updated.ShouldBe(new DateTime(2021, 9, 18, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Atom_03_modified_issued_and_base64_content_are_read()
    {
        var feed = ParseFixtures.Feed("atom03-feed.xml");
        feed.Version.ShouldBe("0.3");
        feed.Updated.ShouldBe(new DateTime(2003, 12, 13, 18, 30, 2, DateTimeKind.Utc));
        feed.Items[0].Published.ShouldBe(new DateTime(2003, 12, 13, 12, 29, 29, DateTimeKind.Utc));
        feed.Items[0].Content.ShouldBe("<p>Hello</p>");
    }

    [Fact]
    public void Content_of_a_binary_media_type_is_base64()
    {
        var feed = ParseFixtures.Text("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>
            <content type="application/octet-stream">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</content></entry></feed>
            """).Feed!;
        feed.Items[0].Content.ShouldBe("Example <b>Atom</b>");
    }
}

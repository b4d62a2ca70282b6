using Lede.Parse;

namespace Lede.Tests.Parse;

/// <summary>General rules the feed suites (feedparser, gofeed, feed-parser) showed missing, each on a small inline feed.</summary>
public sealed class ConformanceRuleTests
{
    [Fact]
    public void Atom_people_keep_their_uri_resolved_and_a_uri_alone_still_makes_a_person()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/blog/">
              <author><name>Ann</name><uri>/ann</uri></author>
              <author><uri>http://two.example/</uri></author>
              <entry><id>x</id><author><name>Bo</name><email>bo@example.com</email><uri>me</uri></author></entry>
            </feed>
            """);
        feed.Authors.ShouldBe([new FeedPerson("Ann", null, "http://example.com/ann"), new FeedPerson(null, null, "http://two.example/")]);
        feed.Items[0].Authors.ShouldBe([new FeedPerson("Bo", "bo@example.com", "http://example.com/blog/me")]);
    }

    [Fact]
    public void Atom_03_person_url_is_its_uri()
    {
        var feed = Parse("""<feed version="0.3" xmlns="http://purl.org/atom/ns#"><author><name>A</name><url>http://a.example/</url></author></feed>""");
        feed.Authors.ShouldBe([new FeedPerson("A", null, "http://a.example/")]);
    }

    [Fact]
    public void Atom_author_inside_an_rss_item_keeps_name_and_email()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><item><title>t</title>
            <atom:author><atom:name>John Doe</atom:name><atom:email>john@example.com</atom:email></atom:author>
            </item></channel></rss>
            """);
        feed.Items[0].Authors.ShouldBe([new FeedPerson("John Doe", "john@example.com")]);
    }

    [Fact]
    public void Markup_inside_an_rss_author_is_read_as_the_name()
    {
        var feed = Parse("""<rss version="2.0"><channel><item><author><p>Item Author</p></author></item></channel></rss>""");
        feed.Items[0].Authors.ShouldBe([new FeedPerson("Item Author", null)]);
    }

    [Fact]
    public void Atom_03_entries_named_item_are_entries()
    {
        var feed = Parse("""<feed version="0.3" xmlns="http://purl.org/atom/ns#"><item><id>urn:1</id><title>One</title></item></feed>""");
        feed.Items.Count.ShouldBe(1);
        feed.Items[0].Title.ShouldBe("One");
    }

    [Fact]
    public void A_title_of_an_odd_media_type_that_is_not_base64_text_stays_text()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>
            <title type="application/x-custom">test</title>
            <summary type="application/octet-stream">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</summary></entry></feed>
            """);
        feed.Items[0].Title.ShouldBe("test");
        feed.Items[0].Description.ShouldBe("Example <b>Atom</b>");
    }

    [Fact]
    public void Xhtml_div_holding_only_escaped_markup_holds_text()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">&lt;p&gt;Entry Content&lt;/p&gt;</div></content></entry></feed>
            """);
        feed.Items[0].Content.ShouldBe("&lt;p&gt;Entry Content&lt;/p&gt;");
    }

    [Fact]
    public void A_relative_atom_id_resolves_against_xml_base_but_not_against_the_feed_url()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry xml:base="http://example.com/test/"><id>relative/link</id></entry>
              <entry><id>12345</id></entry>
            </feed>
            """);
        var feed = FeedParser.Parse(new FeedInput(bytes, null, new Uri("http://feeds.example.org/atom"))).Feed!;
        feed.Items[0].Id.ShouldBe("http://example.com/test/relative/link");
        feed.Items[1].Id.ShouldBe("12345");
    }

    [Fact]
    public void Atom_published_is_not_invented_from_updated_and_the_guid_says_where_the_id_came_from()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom">
              <entry><id>urn:a</id><updated>2024-01-15T13:20:22Z</updated></entry>
              <entry><link href="http://example.com/b"/></entry>
            </feed>
            """);
        feed.Items[0].Published.ShouldBeNull();
        feed.Items[0].Updated.ShouldBe(new DateTime(2024, 1, 15, 13, 20, 22, DateTimeKind.Utc));
        feed.Items[0].Guid.ShouldBe("urn:a");
        feed.Items[1].Id.ShouldBe("http://example.com/b");
        feed.Items[1].Guid.ShouldBeNull();
    }

    [Fact]
    public void Rss_guid_is_kept_as_the_feeds_own_id()
    {
        var feed = Parse("""<rss version="2.0"><channel><item><guid isPermaLink="false">207073</guid></item><item><link>http://a.example/</link></item></channel></rss>""");
        feed.Items[0].Guid.ShouldBe("207073");
        feed.Items[1].Guid.ShouldBeNull();
        feed.Items[1].Id.ShouldBe("http://a.example/");
    }

    [Fact]
    public void Itunes_title_names_an_episode_without_an_rss_title_and_itunes_image_url_and_old_link_image_are_read()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
            <itunes:image url="http://a.b/i.png"/>
            <item><itunes:title>Trailer</itunes:title></item>
            <item><title>RSS title</title><itunes:title>iTunes title</itunes:title></item>
            <item><itunes:link rel="image" href="http://example.com/logo.jpg"></itunes:link></item>
            </channel></rss>
            """);
        feed.Image!.Url.ShouldBe("http://a.b/i.png");
        feed.Items[2].Image!.Url.ShouldBe("http://example.com/logo.jpg");
        feed.Items[0].Title.ShouldBe("Trailer");
        feed.Items[1].Title.ShouldBe("RSS title");
    }

    [Fact]
    public void Https_spellings_of_the_media_dc_and_content_namespaces_are_read()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:media="https://search.yahoo.com/mrss/" xmlns:dc="https://purl.org/dc/elements/1.1/"
                 xmlns:content="https://purl.org/rss/1.0/modules/content/"><channel><item>
            <dc:creator>Ann</dc:creator><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>
            <media:content url="http://a.example/x.mp3" type="audio/mpeg" fileSize="12"/>
            </item></channel></rss>
            """);
        var item = feed.Items[0];
        item.Authors.ShouldBe([new FeedPerson("Ann", null)]);
        item.Content.ShouldBe("<p>Body</p>");
        item.Enclosures.ShouldBe([new FeedEnclosure("http://a.example/x.mp3", "audio/mpeg", 12)]);
    }

    [Fact]
    public void Dc_publisher_is_not_an_author()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
            <dc:creator>Jane Doe</dc:creator><dc:publisher>Example Publisher</dc:publisher></channel></rss>
            """);
        feed.Authors.ShouldBe([new FeedPerson("Jane Doe", null)]);
    }

    [Fact]
    public void Rdf_image_beside_the_channel_gives_the_title()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
              <channel rdf:about="http://example.org/index.rdf"><image rdf:resource="http://example.org/image.gif" /></channel>
              <image rdf:about="http://example.org/image.gif"><title>&lt;p&gt;Image Title&lt;/p&gt;</title></image>
            </rdf:RDF>
            """);
        feed.Image.ShouldBe(new FeedImage("http://example.org/image.gif", "Image Title"));
    }

    [Fact]
    public void An_atom_link_with_its_url_as_text_is_read_and_alternate_wins_over_enclosure()
    {
        var feed = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>
              <link rel="enclosure" type="text/html">http://www.example.com/enclosure</link>
              <link rel="alternate" type="text/html">http://www.example.com/alternate</link>
            </entry></feed>
            """);
        feed.Items[0].Link.ShouldBe("http://www.example.com/alternate");
        feed.Items[0].Enclosures[0].Url.ShouldBe("http://www.example.com/enclosure");
    }

    [Fact]
    public void A_cdf_channel_href_is_the_site_link()
    {
        var feed = Parse("""<CHANNEL HREF="http://www.example.org/"><TITLE>CDF</TITLE></CHANNEL>""");
        feed.Link.ShouldBe("http://www.example.org/");
        feed.Title.ShouldBe("CDF");
    }

    [Fact]
    public void Relative_xml_bases_nest_before_they_meet_the_document_url()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/">
              <entry xml:base="posts/"><id>x</id><link href="one.html"/></entry>
              <entry xml:base="../news/"><id>y</id><link href="two.html"/></entry>
            </feed>
            """);
        var feed = FeedParser.Parse(new FeedInput(bytes, null, new Uri("http://example.com/feeds/atom.xml"))).Feed!;
        feed.Items[0].Link.ShouldBe("http://example.com/blog/posts/one.html");
        feed.Items[1].Link.ShouldBe("http://example.com/news/two.html");
    }

    [Fact]
    public void An_rss_channel_in_an_unexpected_default_namespace_is_still_read()
    {
        var feed = Parse("""
            <rss version="2.0" xmlns="http://purl.org/rss/2.0/"><channel><title>T</title><link>http://example.com/</link>
            <item><title>I</title><link>http://example.com/1</link><guid>g1</guid></item></channel></rss>
            """);
        feed.Title.ShouldBe("T");
        feed.Link.ShouldBe("http://example.com/");
        feed.Items[0].Title.ShouldBe("I");
        feed.Items[0].Link.ShouldBe("http://example.com/1");
        feed.Items[0].Guid.ShouldBe("g1");
    }

    private static Feed Parse(string xml) => ParseFixtures.Text(xml).Feed!;
}

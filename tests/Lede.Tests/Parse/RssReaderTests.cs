using Lede.Parse;

namespace Lede.Tests.Parse;

public sealed class RssReaderTests
{
    [Fact]
    public void Channel_fields_are_read_and_the_title_becomes_plain_text()
    {
        var feed = ParseFixtures.Feed("rss20-full-item.xml");
        feed.Format.ShouldBe("rss");
        feed.Version.ShouldBe("2.0");
        feed.Title.ShouldBe("Example News");
        feed.Link.ShouldBe("https://example.com/");
        feed.FeedLink.ShouldBe("https://example.com/feed.xml");
        feed.Language.ShouldBe("en-gb");
        feed.Copyright.ShouldBe("© Example");
        feed.Generator.ShouldBe("Hand");
        feed.Updated.ShouldBe(new DateTime(2021, 9, 16, 20, 13, 0, DateTimeKind.Utc));
        feed.Image.ShouldBe(new FeedImage("https://example.com/logo.png", "Example"));
        feed.Categories.ShouldBe(["World"]);
    }

    [Fact]
    public void Item_reads_guid_content_dc_media_and_enclosure_and_sanitizes_html()
    {
        var item = ParseFixtures.Feed("rss20-full-item.xml", url: "https://example.com/feed.xml").Items[0];
        item.Id.ShouldBe("item-1");
        item.Title.ShouldBe("First & best");
        item.Link.ShouldBe("https://example.com/news/1");
        item.Published.ShouldBe(new DateTime(2021, 9, 16, 20, 13, 0, DateTimeKind.Utc));
        item.Published!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        item.Authors.ShouldBe([new FeedPerson("Jane Doe", null)]);
        item.Categories.ShouldBe(["Politics", "Elections"]);
        item.Description.ShouldBe("<p>Short text <a href=\"https://example.com/more\" rel=\"noopener noreferrer\">more</a></p>");
        item.Content.ShouldBe("<p>Long text</p><img src=\"https://example.com/img/1.jpg\" alt=\"one\">");
        item.Enclosures.ShouldBe([new FeedEnclosure("https://example.com/a.mp3", "audio/mpeg", 1234)]);
        item.Image!.Url.ShouldBe("https://example.com/thumb.jpg");
    }

    [Fact]
    public void Media_group_gives_enclosures_and_the_thumbnail_and_dc_date_the_published_time()
    {
        var item = ParseFixtures.Feed("rss20-full-item.xml").Items[1];
        item.Id.ShouldBe("https://example.com/news/2");
        item.Published.ShouldBe(new DateTime(2021, 9, 15, 8, 0, 0, DateTimeKind.Utc));
        item.Enclosures.ShouldBe([new FeedEnclosure("https://example.com/v.mp4", "video/mp4", 99)]);
        item.Image!.Url.ShouldBe("https://example.com/v.jpg");
    }

    [Fact]
    public void Item_without_guid_or_link_gets_a_stable_hash_of_title_and_date()
    {
        var first = ParseFixtures.Feed("rss20-full-item.xml").Items[2].Id;
        first.ShouldStartWith("sha256:", Case.Sensitive);
        ParseFixtures.Feed("rss20-full-item.xml").Items[2].Id.ShouldBe(first);
        (ParseFixtures.Feed("rss20-full-item.xml").Items[1].Id == first).ShouldBeFalse();
    }

    [Fact]
    public void Undeclared_html_entities_and_bare_ampersands_are_repaired_with_an_xml_warning()
    {
        var result = ParseFixtures.Parse("rss20-undeclared-html-entities-and-bare-ampersand.xml");
        var feed = result.Feed.ShouldNotBeNull();
        feed.Title.ShouldBe("Tom & Jerry — news");
        feed.Link.ShouldBe("https://example.com/?a=1&b=2");
        feed.Items.Select(i => i.Title).ShouldBe(["Café opens & closes", "Second survives"]);
        result.Warnings.ShouldContain(w => w.Kind == "xml");
    }

    [Fact]
    public void A_truncated_feed_keeps_its_complete_items_and_drops_the_cut_one()
    {
        var result = ParseFixtures.Parse("rss20-truncated-mid-item.xml");
        result.Feed!.Items.Select(i => i.Title).ShouldBe(["Complete one", "Complete two"]);
        result.Warnings.ShouldContain(w => w.Kind == "xml");
    }

    [Fact]
    public void Unclosed_html_in_a_description_does_not_lose_the_next_item()
    {
        var result = ParseFixtures.Parse("rss20-unclosed-html-in-description.xml");
        result.Feed!.Items.Select(i => i.Title).ShouldBe(["One", "Two"]);
        result.Feed.Items[0].Description.ShouldBe("Line<br>break <p>para</p>");
    }

    [Fact]
    public void Junk_before_the_xml_declaration_is_skipped_with_a_warning()
    {
        var result = ParseFixtures.Parse("rss20-leading-junk-before-declaration.xml");
        result.Feed!.Title.ShouldBe("Junk");
        result.Warnings.ShouldContain(w => w.Kind == "xml");
    }

    [Fact]
    public void A_netscape_doctype_does_not_fail_an_rss_091_feed()
    {
        var feed = ParseFixtures.Feed("rss091-netscape-doctype.xml");
        feed.Version.ShouldBe("0.91");
        feed.Items.Single().Link.ShouldBe("http://example.com/1");
    }

    [Fact]
    public void Undeclared_atom_prefix_still_gives_the_self_link()
    {
        var feed = ParseFixtures.Text("""<rss version="2.0"><channel><atom:link href="http://example.org/f" rel="self"/></channel></rss>""").Feed!;
        feed.FeedLink.ShouldBe("http://example.org/f");
    }

    [Fact]
    public void Relative_links_resolve_against_the_feed_url()
    {
        var feed = ParseFixtures.Text("""<rss version="2.0"><channel><link>/home</link><item><link>a/b</link></item></channel></rss>""", "https://example.com/x/feed").Feed!;
        feed.Link.ShouldBe("https://example.com/home");
        feed.Items[0].Link.ShouldBe("https://example.com/x/a/b");
    }

    [Fact]
    public void An_unreadable_date_is_null_with_a_date_warning()
    {
        var result = ParseFixtures.Text("""<rss version="2.0"><channel><item><title>t</title><pubDate>someday soon</pubDate></item></channel></rss>""");
        result.Feed!.Items[0].Published.ShouldBeNull();
        result.Warnings.ShouldContain(w => w.Kind == "date");
    }

    [Fact]
    public void An_html_page_is_an_error_not_an_exception()
    {
        var result = ParseFixtures.Text("<html><body><p>Not a feed</p></body></html>");
        result.Feed.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldContain("format not detected");
    }

    [Fact]
    public void Itunes_tags_are_read_whatever_the_case_of_their_namespace_and_categories_nest()
    {
        var feed = ParseFixtures.Text("""
            <rss xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"><channel><language>en_US</language>
            <itunes:image href="http://example.com/logo.jpg"/>
            <itunes:category text="Technology"><itunes:category text="Gadgets"/></itunes:category>
            <item><title>e</title><itunes:category text="News"/></item></channel></rss>
            """).Feed!;
        feed.Image!.Url.ShouldBe("http://example.com/logo.jpg");
        feed.Categories.ShouldBe(["Technology", "Gadgets"]);
        feed.Language.ShouldBe("en-US");
        feed.Items[0].Categories.ShouldBe(["News"]);
    }

    [Fact]
    public void Windows_1252_character_references_are_read_as_meant_and_illegal_controls_are_dropped()
    {
        var feed = ParseFixtures.Text("<rss version=\"2.0\"><channel><title>don&#146;t&#1;</title></channel></rss>").Feed!;
        feed.Title.ShouldBe("don’t");
    }

    [Fact]
    public void An_unnamespaced_body_is_the_item_content_sanitized_and_resolved()
    {
        var item = ParseFixtures.Text("<rss version=\"2.0\"><channel><item><body><a href=\"/r\" onclick=\"x()\">here</a></body></item></channel></rss>", "http://example.com/feed").Feed!.Items.Single();
        item.Content.ShouldBe("<a href=\"http://example.com/r\" rel=\"noopener noreferrer\">here</a>");
    }
}

using System.Text;
using Lede.Parse;

namespace Lede.Tests.Parse;

/// <summary>What the forward-only JSON readers make of broken, odd and hostile JSON feeds: a feed or an error with warnings, never an exception.</summary>
public sealed class JsonEdgeCaseTests
{
    private const string JsonFeed = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "T", "home_page_url": "https://e.org/",
         "items": [{"id": "1", "title": "One", "content_html": "<p>a</p>"}, {"id": "2", "title": "Two"}, {"id": "3", "title": "Three"}]}
        """;

    private static ParseResult Parse(string json, string? contentType = null) => Parse(Encoding.UTF8.GetBytes(json), contentType);

    private static ParseResult Parse(byte[] bytes, string? contentType = null) => FeedParser.Parse(new FeedInput(bytes, contentType));

    [Fact]
    public void A_feed_cut_short_keeps_the_items_read_before_the_cut_with_a_warning()
    {
        var cut = JsonFeed[..JsonFeed.IndexOf("\"Three\"", StringComparison.Ordinal)];
        var result = Parse(cut);
        var feed = result.Feed.ShouldNotBeNull();
        feed.Items.Select(i => i.Id).ShouldBe(["1", "2"]);
        feed.Items[0].Content.ShouldBe("<p>a</p>");
        result.Warnings.ShouldContain(w => w.Kind == "other" && w.Message.StartsWith("invalid JSON after 2 items", StringComparison.Ordinal));
    }

    [Fact]
    public void News_json_cut_short_keeps_the_news_read_before_the_cut()
    {
        var result = Parse("""[{"title": "A", "webUrl": "https://n.example/a"}, {"title": "B", "webUrl": "https://n.exa""");
        result.Feed.ShouldNotBeNull().Items.Single().Title.ShouldBe("A");
        result.Warnings.ShouldContain(w => w.Message.Contains("invalid JSON", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\", \"items\": [{\"id\": ")]
    [InlineData("{\"items\": [")]
    [InlineData("{")]
    [InlineData("[")]
    [InlineData("{\"items\": [}")]
    public void Malformed_JSON_with_no_item_read_is_an_error(string json)
    {
        var result = Parse(json);
        result.Feed.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldStartWith("invalid JSON");
    }

    [Fact]
    public void Junk_after_a_whole_feed_keeps_the_feed_with_a_warning()
    {
        var result = Parse(JsonFeed + " <html>oops</html>");
        result.Feed.ShouldNotBeNull().Items.Count.ShouldBe(3);
        result.Warnings.ShouldContain(w => w.Message.StartsWith("invalid JSON after 3 items", StringComparison.Ordinal));
    }

    [Fact]
    public void Members_of_the_wrong_type_are_absent_and_the_item_is_kept()
    {
        var result = Parse("""
            {"version": {"v": 1.1}, "title": ["x"], "home_page_url": {"a": 1}, "authors": "me", "author": {"name": "Al"},
             "items": [{"id": true, "url": ["https://e.org/1"], "title": {"t": "x"}, "content_html": null, "summary": 5,
                        "date_published": 12, "tags": "one", "attachments": {"url": "x"}, "authors": [1, {"name": "B"}]}]}
            """);
        var feed = result.Feed.ShouldNotBeNull();
        feed.Version.ShouldBe("1.0");
        feed.Title.ShouldBeNull();
        feed.Link.ShouldBeNull();
        feed.Authors.Single().Name.ShouldBe("Al");
        var item = feed.Items.Single();
        item.Link.ShouldBeNull();
        item.Title.ShouldBeNull();
        item.Content.ShouldBeNull();
        item.Description.ShouldBe("5");
        item.Categories.ShouldBeEmpty();
        item.Enclosures.ShouldBeEmpty();
        item.Authors.Single().Name.ShouldBe("B");
        item.Id.ShouldStartWith("sha256:");
        result.Warnings.ShouldContain(w => w.Kind == "date");
    }

    [Fact]
    public void Numbers_written_as_strings_are_read_as_numbers()
    {
        var news = Parse("""{"news": [{"title": "A", "heat": " 87 ", "images": [{"url": "https://i.example/1.jpg", "width": "640", "height": 360}]}]}""")
            .Feed.ShouldNotBeNull().Items.Single().News.ShouldNotBeNull();
        news.Heat.ShouldBe(87);
        news.Images.Single().ShouldBe(new FeedImage("https://i.example/1.jpg", null, 640, 360));
        var item = Parse("""{"items": [{"id": 7, "attachments": [{"url": "https://e.org/a.mp3", "size_in_bytes": "1234"}]}]}""").Feed!.Items.Single();
        item.Id.ShouldBe("7");
        item.Enclosures.Single().Length.ShouldBe(1234);
    }

    [Fact]
    public void A_huge_string_is_read_whole()
    {
        var body = string.Concat(Enumerable.Repeat("<p>word &amp; \\u00e9 \\\"q\\\"</p>", 200_000));
        var json = "{\"items\": [{\"id\": \"1\", \"content_html\": \"" + body + "\", \"title\": \"" + new string('t', 1_000_000) + "\"}]}";
        // The reader's part: the per-field caps are lifted, so what is checked is that the string is read whole (FeedLimitsTests checks the caps).
        var unlimited = new FeedLimits { MaxTitleChars = int.MaxValue, MaxHtmlChars = int.MaxValue };
        var result = FeedParser.Parse(new FeedInput(Encoding.UTF8.GetBytes(json)), unlimited);
        var item = result.Feed.ShouldNotBeNull().Items.Single();
        item.Title!.Length.ShouldBe(1_000_000);
        item.Content!.ShouldStartWith("<p>word &amp; é \"q\"</p>");
        item.Content!.Length.ShouldBe(200_000 * "<p>word &amp; é \"q\"</p>".Length);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(100_000, false)]
    public void Nesting_past_64_levels_is_refused_without_a_stack_overflow(int depth, bool accepted)
    {
        var json = "{\"items\": [{\"id\": \"1\"}], \"x\": " + new string('[', depth - 1) + new string(']', depth - 1) + "}";
        var result = Parse(json);
        result.Feed.ShouldNotBeNull().Items.Count.ShouldBe(1);
        result.Warnings.Any(w => w.Message.Contains("invalid JSON", StringComparison.Ordinal)).ShouldBe(!accepted);
    }

    [Fact]
    public void A_byte_order_mark_before_the_JSON_is_skipped()
    {
        var result = Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(JsonFeed)]);
        result.Feed.ShouldNotBeNull().Items.Count.ShouldBe(3);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void JSON_in_windows_1252_is_decoded_with_a_warning()
    {
        var bytes = Encoding.Latin1.GetBytes("{\"items\": [{\"id\": \"1\", \"title\": \"Caf\u00e9 cr\u00e8me\"}]}");
        var result = Parse(bytes);
        result.Feed.ShouldNotBeNull().Items.Single().Title.ShouldBe("Café crème");
        result.Warnings.ShouldContain(w => w.Kind == "encoding");
    }

    [Fact]
    public void Windows_1252_bytes_in_a_comment_still_make_the_JSON_decoded_with_a_warning()
    {
        var bytes = Encoding.Latin1.GetBytes("{/* café */ \"items\": [{\"id\": \"1\", \"title\": \"Café\"}]}");
        var result = Parse(bytes);
        result.Feed.ShouldNotBeNull().Items.Single().Title.ShouldBe("Café");
        result.Warnings.ShouldContain(w => w.Kind == "encoding");
    }

    [Fact]
    public void Windows_1252_bytes_after_items_are_read_as_windows_1252_not_as_a_cut()
    {
        var bytes = Encoding.Latin1.GetBytes("{\"items\": [{\"id\": \"1\"}, {\"id\": \"2\", \"title\": \"Café\"}]}");
        var result = Parse(bytes);
        result.Feed.ShouldNotBeNull().Items.Count.ShouldBe(2);
        result.Warnings.ShouldHaveSingleItem().Kind.ShouldBe("encoding");
    }

    [Fact]
    public void JSON_in_a_charset_named_by_the_header_is_decoded_from_it()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1251).GetBytes("{\"news\": [{\"title\": \"Привет\", \"webUrl\": \"https://n.example/1\"}]}");
        Parse(bytes, "application/json; charset=windows-1251").Feed.ShouldNotBeNull().Items.Single().Title.ShouldBe("Привет");
    }

    [Fact]
    public void A_lone_surrogate_escape_becomes_a_replacement_character()
        => Parse("{\"items\": [{\"id\": \"1\", \"title\": \"a\\ud800b\"}]}").Feed.ShouldNotBeNull().Items.Single().Title.ShouldBe("a\uFFFDb");

    [Fact]
    public void Items_before_the_home_page_url_resolve_against_it()
    {
        var item = Parse("""{"items": [{"url": "posts/1", "content_html": "<a href=\"x\">x</a>"}], "home_page_url": "https://e.org/blog/"}""")
            .Feed.ShouldNotBeNull().Items.Single();
        item.Link.ShouldBe("https://e.org/blog/posts/1");
        item.Content.ShouldBe("<a href=\"https://e.org/blog/posts/x\" rel=\"noopener noreferrer\">x</a>");
    }
}

namespace Lede.Tests.Parse;

public sealed class JsonFeedReaderTests
{
    [Fact]
    public void Json_feed_11_items_authors_tags_and_attachments_are_read()
    {
        var result = ParseFixtures.Parse("jsonfeed11.json");
        var feed = result.Feed.ShouldNotBeNull();
        feed.Format.ShouldBe("json");
        feed.Version.ShouldBe("1.1");
        feed.Title.ShouldBe("JSON & co");
        feed.FeedLink.ShouldBe("https://example.org/feed.json");
        feed.Authors.Single().Name.ShouldBe("Brent");
        var first = feed.Items[0];
        first.Content.ShouldBe("<p>Hi</p>");
        first.Description.ShouldBe("sum");
        first.Published.ShouldBe(new DateTime(2020, 8, 7, 16, 44, 36, DateTimeKind.Utc));
        first.Categories.ShouldBe(["a", "b"]);
        first.Enclosures.Single().Length.ShouldBe(100);
    }

    [Fact]
    public void A_non_object_item_is_skipped_and_a_numeric_id_and_text_content_are_kept()
    {
        var result = ParseFixtures.Parse("jsonfeed11.json");
        result.Feed!.Items.Count.ShouldBe(2);
        result.Feed.Items[1].Id.ShouldBe("2");
        result.Feed.Items[1].Content.ShouldBe("plain &lt;text&gt;");
        result.Warnings.ShouldContain(w => w.Kind == "other");
        result.Warnings.ShouldContain(w => w.Kind == "date");
    }

    [Fact]
    public void Deeply_nested_json_is_an_error_not_a_stack_overflow()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);
        var result = Lede.Parse.FeedParser.Parse(new Lede.Parse.FeedInput(System.Text.Encoding.UTF8.GetBytes(json)));
        result.Feed.ShouldBeNull();
        result.Error.ShouldNotBeNull();
    }
}

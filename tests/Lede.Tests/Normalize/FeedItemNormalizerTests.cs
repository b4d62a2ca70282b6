using Lede.Normalize;
using Lede.Parse;
using Lede.Records;

namespace Lede.Tests.Normalize;

public sealed class FeedItemNormalizerTests
{
    private static readonly DateTime SeenAt = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private static readonly Feed Feed = new() { Format = "rss", Title = "The Daily Dot" };

    [Fact]
    public void An_item_becomes_a_record_with_what_the_feed_gives()
    {
        var item = new FeedItem
        {
            Id = "g1",
            Title = "UN calls for <em>immediate</em> halt",
            Description = "<p>The UN Human Rights chief called for a moratorium.</p>",
            Link = "https://www.dailydot.com/debug/un-calls/",
            Published = new DateTime(2021, 9, 16, 20, 13, 0, 500, DateTimeKind.Utc),
            Image = new FeedImage("https://uploads.dailydot.com/un.jpg", Width: 2000, Height: 1000),
            Enclosures = [new FeedEnclosure("https://uploads.dailydot.com/other.png", "image/png", 10), new FeedEnclosure("https://x.com/a.mp3", "audio/mpeg", 1)],
        };

        var (record, problem) = FeedItemNormalizer.ToRecord(item, Feed, null, SeenAt);

        problem.ShouldBeNull();
        record!.Title.ShouldBe("UN calls for immediate halt");
        record.Excerpt.ShouldBe("The UN Human Rights chief called for a moratorium.");
        record.PublishedDateTime.ShouldBe(new DateTime(2021, 9, 16, 20, 13, 0, DateTimeKind.Utc));
        (record.OriginalUrl, record.WebUrl).ShouldBe(("https://www.dailydot.com/debug/un-calls/", "https://www.dailydot.com/debug/un-calls/"));
        record.Provider.ShouldBe(new ProviderRef("The Daily Dot", "dailydot.com"));
        record.Images.Select(i => i.Url).ShouldBe(["https://uploads.dailydot.com/un.jpg", "https://uploads.dailydot.com/other.png"]);
        record.Images.ShouldAllBe(i => !i.IsCached);
        (record.Heat, record.Published).ShouldBe((-1, false));
    }

    [Fact]
    public void An_item_without_a_date_is_dated_when_first_seen()
        => FeedItemNormalizer.ToRecord(new FeedItem { Id = "x", Title = "t", Link = "https://example.com/a" }, Feed, null, SeenAt)
            .Record!.PublishedDateTime.ShouldBe(SeenAt);

    [Theory]
    [InlineData(null)]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    public void An_item_without_an_http_link_is_skipped_with_a_reason(string? link)
    {
        var (record, problem) = FeedItemNormalizer.ToRecord(new FeedItem { Id = "x", Title = "Lost", Link = link }, Feed, null, SeenAt);

        record.ShouldBeNull();
        problem.ShouldBe("item 'Lost' has no http(s) link");
    }

    [Fact]
    public void News_json_facts_carry_over()
    {
        var item = new FeedItem
        {
            Id = "n",
            Title = "Ban the scan",
            Link = "https://newyork.cbslocal.com/video/5233334-ban/",
            News = new NewsFacts
            {
                AmpWebUrl = "https://newyork.cbslocal.com/video/5233334-ban/amp/",
                CdnAmpWebUrl = "https://newyork-cbslocal-com.cdn.ampproject.org/c/s/newyork.cbslocal.com/video/5233334-ban/amp/",
                Type = "video",
                Heat = 12,
                ProviderName = "CBS Local",
                ProviderDomain = "cbslocal.com",
                Topics = ["AI"],
            },
        };

        var record = FeedItemNormalizer.ToRecord(item, Feed, "ignored", SeenAt).Record!;

        record.Type.ShouldBe(ArticleType.Video);
        record.Provider.ShouldBe(new ProviderRef("CBS Local", "cbslocal.com"));
        (record.AmpWebUrl, record.Heat, record.Topics.Single()).ShouldBe(("https://newyork.cbslocal.com/video/5233334-ban/amp/", 12, "AI"));
    }
}

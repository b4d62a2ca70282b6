using Lede.Parse;

namespace Lede.Tests.Parse;

public sealed class NewsJsonReaderTests
{
    [Fact]
    public void Wrapped_news_objects_become_items_with_news_facts()
    {
        var feed = ParseFixtures.Feed("newsjson-wrapped.json");
        feed.Format.ShouldBe("newsjson");
        var item = feed.Items[0];
        item.Title.ShouldBe("Storm hits coast");
        item.Link.ShouldBe("https://news.example.com/storm");
        item.Description.ShouldBe("Winds of 100 km/h");
        item.Published.ShouldBe(new DateTime(2021, 9, 16, 20, 13, 0, DateTimeKind.Utc));
        item.Updated.ShouldBe(new DateTime(2021, 9, 16, 21, 0, 0, DateTimeKind.Utc));
        item.Categories.ShouldBe(["uk"]);
        var news = item.News.ShouldNotBeNull();
        news.AmpWebUrl.ShouldBe("https://news.example.com/amp/storm");
        news.CdnAmpWebUrl.ShouldBe("https://cdn.example.com/amp/storm");
        news.Type.ShouldBe("article");
        news.Heat.ShouldBe(87);
        news.ProviderName.ShouldBe("Example News");
        news.ProviderDomain.ShouldBe("news.example.com");
        news.Locale.ShouldBe("en-gb");
        news.Images.ShouldBe([new FeedImage("https://img.example.com/1.jpg", "Waves", 640, 360)]);
        news.Topics.ShouldBe(["Storms"]);
        news.Tags.ShouldBe(["weather"]);
    }

    [Fact]
    public void A_heat_of_the_wrong_type_is_absent_and_the_item_is_kept()
        => ParseFixtures.Feed("newsjson-wrapped.json").Items[1].News!.Heat.ShouldBeNull();

    [Fact]
    public void A_bare_array_is_news_json_too()
        => ParseFixtures.Feed("newsjson-bare-array.json").Items.Single().News!.Type.ShouldBe("video");
}

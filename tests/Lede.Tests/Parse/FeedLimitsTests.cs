using System.Globalization;
using System.Text;
using Lede.Parse;

namespace Lede.Tests.Parse;

/// <summary>Per-field caps and the item cap per fetch (catalogue X9, X10): cut at a boundary, dropped or replaced, and always said.</summary>
public sealed class FeedLimitsTests
{
    private static ParseResult Rss(string items, FeedLimits? limits = null)
        => FeedParser.Parse(new FeedInput(Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>C</title>{items}</channel></rss>")), limits ?? FeedLimits.Default);

    private static string Item(string title, string? guid = null, string? date = null, string? link = null, string? description = null)
        => $"<item><title>{title}</title>{(guid is null ? "" : $"<guid>{guid}</guid>")}{(date is null ? "" : $"<pubDate>{date}</pubDate>")}"
           + $"{(link is null ? "" : $"<link>{link}</link>")}{(description is null ? "" : $"<description>{description}</description>")}</item>";

    [Fact]
    public void A_title_of_megabytes_is_cut_to_the_limit_between_characters_with_a_warning()
    {
        // U+1F600 is two UTF-16 units: 1,023 is odd, so a cut by length alone would split a pair.
        var result = Rss(Item(string.Concat(Enumerable.Repeat("\U0001F600", 500_000)), guid: "g"));
        var title = result.Feed.ShouldNotBeNull().Items.Single().Title.ShouldNotBeNull();
        title.Length.ShouldBeLessThanOrEqualTo(FeedLimits.Default.MaxTitleChars);
        title.Length.ShouldBeGreaterThan(1000);
        title.ShouldEndWith("…");
        char.IsHighSurrogate(title[^2]).ShouldBeFalse();
        title[..^1].EnumerateRunes().ShouldAllBe(r => r.Value == 0x1F600);
        result.Warnings.ShouldContain(new ParseWarning("limit", "item 1 title of 1000000 characters cut to 1024"));
    }

    [Fact]
    public void A_huge_json_feed_title_is_cut_like_an_xml_one()
    {
        var json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"" + new string('t', 3_000_000) + "\", \"items\": [{\"id\": \"1\", \"title\": \"x\"}]}";
        var result = FeedParser.Parse(new FeedInput(Encoding.UTF8.GetBytes(json)));
        result.Feed.ShouldNotBeNull().Title!.Length.ShouldBe(1024);
        result.Warnings.ShouldContain(w => w.Kind == "limit" && w.Message == "feed title of 3000000 characters cut to 1024");
    }

    [Fact]
    public void Html_past_the_limit_is_cut_before_a_tag_or_entity_it_would_split()
    {
        var limits = new FeedLimits { MaxHtmlChars = 40 };
        // Escaped HTML: after sanitizing, the description is "<p>one two three four five</p><p><a href=…".
        var html = "&lt;p&gt;one two three four five&lt;/p&gt;&lt;p&gt;&lt;a href=\"https://example.com/long/path\"&gt;six&lt;/a&gt; &amp;amp; seven&lt;/p&gt;";
        var result = Rss(Item("t", guid: "g", description: html), limits);
        var description = result.Feed.ShouldNotBeNull().Items.Single().Description.ShouldNotBeNull();
        description.Length.ShouldBeLessThanOrEqualTo(40);
        description.ShouldBe("<p>one two three four five</p><p>…");
        result.Warnings.ShouldContain(w => w.Kind == "limit" && w.Message.StartsWith("item 1 description of ", StringComparison.Ordinal));

        // "<p>" + 32 letters + " &amp; b</p>": the 39th character is inside "&amp;".
        var entity = Rss(Item("t", guid: "g", description: "&lt;p&gt;" + new string('a', 32) + " &amp;amp; b&lt;/p&gt;"), limits);
        entity.Feed!.Items.Single().Description.ShouldBe("<p>" + new string('a', 32) + " …");
    }

    [Fact]
    public void Items_past_the_cap_keep_the_newest_in_document_order_with_a_warning()
    {
        static string Day(int d) => new DateTime(2026, 3, d, 12, 0, 0, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);
        var items = Item("old", "a", Day(1)) + Item("undated", "b") + Item("newest", "c", Day(9)) + Item("middle", "d", Day(5)) + Item("new", "e", Day(7));
        var result = Rss(items, new FeedLimits { MaxItems = 3 });
        result.Feed.ShouldNotBeNull().Items.Select(i => i.Title).ShouldBe(["newest", "middle", "new"]);
        result.Warnings.ShouldContain(new ParseWarning("limit", "5 items; kept the newest 3 (undated items count as older)"));
    }

    [Fact]
    public void A_feed_of_a_hundred_thousand_items_keeps_the_default_thousand_first_ones_when_undated()
    {
        var items = string.Concat(Enumerable.Range(0, 100_000).Select(i => $"<item><guid>{i}</guid></item>"));
        var result = Rss(items);
        var kept = result.Feed.ShouldNotBeNull().Items;
        kept.Count.ShouldBe(1000);
        kept[0].Id.ShouldBe("0");
        kept[^1].Id.ShouldBe("999");
        result.Warnings.ShouldContain(w => w.Kind == "limit" && w.Message.StartsWith("100000 items; kept the newest 1000", StringComparison.Ordinal));
    }

    [Fact]
    public void An_overlong_guid_becomes_a_stable_hash_and_an_overlong_link_is_dropped()
    {
        var guid = new string('g', 10_000);
        var link = "https://example.com/" + new string('p', 5_000);
        var first = Rss(Item("t", guid, link: link));
        var item = first.Feed.ShouldNotBeNull().Items.Single();
        item.Id.ShouldStartWith("sha256:");
        item.Id.Length.ShouldBeLessThanOrEqualTo(FeedLimits.Default.MaxIdChars);
        item.Guid.ShouldBe(item.Id);
        item.Link.ShouldBeNull();
        Rss(Item("t", guid, link: link)).Feed!.Items.Single().Id.ShouldBe(item.Id);
        Rss(Item("t", guid[..^1] + "h")).Feed!.Items.Single().Id.ShouldNotBe(item.Id, StringComparer.Ordinal);
        first.Warnings.Where(w => w.Kind == "limit").Select(w => w.Message).ShouldBe(
            ["item 1 id of 10000 characters is over 512; replaced by its SHA-256", "item 1 link URL of 5020 characters is over 2048; dropped"]);
    }

    [Fact]
    public void Categories_past_the_cap_keep_the_first_ones_each_cut_to_the_name_limit()
    {
        var categories = string.Concat(Enumerable.Range(0, 150).Select(i => $"<category>{i}{new string('c', i == 0 ? 400 : 1)}</category>"));
        var result = Rss($"<item><guid>g</guid>{categories}</item>");
        var kept = result.Feed.ShouldNotBeNull().Items.Single().Categories;
        kept.Count.ShouldBe(100);
        kept[0].Length.ShouldBe(256);
        kept[99].ShouldBe("99c");
        result.Warnings.Count(w => w.Kind == "limit").ShouldBe(2);
    }

    [Fact]
    public void An_author_name_past_the_name_limit_is_cut_and_a_long_author_uri_is_kept()
    {
        var atom = $"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title><entry><id>e</id><title>t</title><author><name>{new string('n', 1000)}</name>"
                   + $"<uri>https://example.com/{new string('u', 400)}</uri></author></entry></feed>";
        var result = FeedParser.Parse(new FeedInput(Encoding.UTF8.GetBytes(atom)));
        var author = result.Feed.ShouldNotBeNull().Items.Single().Authors.Single();
        author.Name!.Length.ShouldBe(256);
        author.Uri!.Length.ShouldBe(420);
        result.Warnings.ShouldContain(new ParseWarning("limit", "item 1 author name of 1000 characters cut to 256"));
    }

    [Fact]
    public void A_feed_within_every_limit_is_returned_as_read()
    {
        var xml = Item("A title", "g1", "Tue, 03 Mar 2026 12:00:00 GMT", "https://example.com/a", "&lt;p&gt;text&lt;/p&gt;");
        var capped = Rss(xml);
        var unlimited = Rss(xml, new FeedLimits { MaxItems = int.MaxValue, MaxHtmlChars = int.MaxValue, MaxTitleChars = int.MaxValue });
        capped.Warnings.ShouldBeEmpty();
        var (a, b) = (capped.Feed.ShouldNotBeNull().Items.Single(), unlimited.Feed!.Items.Single());
        (a.Id, a.Title, a.Description, a.Link, a.Published).ShouldBe((b.Id, b.Title, b.Description, b.Link, b.Published));
        a.Title.ShouldBe("A title");
    }

    [Theory]
    [InlineData(0, 1024)]
    [InlineData(1000, 0)]
    public void Limits_that_make_no_sense_are_refused_when_parsing(int maxItems, int maxTitle)
        => Should.Throw<InvalidOperationException>(() => Rss(Item("t"), new FeedLimits { MaxItems = maxItems, MaxTitleChars = maxTitle }))
            .Message.ShouldStartWith("Feed limit Max");
}

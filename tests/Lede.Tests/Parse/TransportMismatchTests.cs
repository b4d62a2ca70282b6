using System.Text;
using Lede.Parse;

namespace Lede.Tests.Parse;

/// <summary>What a server says about a body (its Content-Type, its length) is a hint; the bytes decide.</summary>
public sealed class TransportMismatchTests
{
    private const string Rss = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title><item><title>Één item</title><link>https://e.com/1</link></item></channel></rss>""";
    private const string JsonFeed = """{"version":"https://jsonfeed.org/version/1.1","title":"Wire","items":[{"id":"1","url":"https://e.com/1","title":"Één item"}]}""";

    private static ParseResult Parse(byte[] bytes, string? contentType) => FeedParser.Parse(new FeedInput(bytes, contentType, new Uri("https://e.com/feed")));

    /// <summary>H20: the format is sniffed from the bytes, whatever the Content-Type claims.</summary>
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData("text/html; charset=utf-8")]
    [InlineData("application/json")]
    [InlineData("image/png")]
    public void A_wrong_content_type_does_not_stop_an_rss_feed(string contentType)
    {
        var result = Parse(Encoding.UTF8.GetBytes(Rss), contentType);

        result.Error.ShouldBeNull();
        result.Feed.ShouldNotBeNull().Items.ShouldHaveSingleItem().Title.ShouldBe("Één item");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData("application/rss+xml")]
    [InlineData("text/xml")]
    public void A_wrong_content_type_does_not_stop_a_json_feed(string contentType)
    {
        var result = Parse(Encoding.UTF8.GetBytes(JsonFeed), contentType);

        result.Error.ShouldBeNull();
        result.Feed.ShouldNotBeNull().Items.ShouldHaveSingleItem().Title.ShouldBe("Één item");
    }

    /// <summary>H19: a 200 with no body, or only whitespace, is a clear error, not an exception or an empty feed.</summary>
    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    [InlineData("\uFEFF")]
    public void An_empty_body_is_an_error(string body)
    {
        var result = Parse(Encoding.UTF8.GetBytes(body), "application/rss+xml");

        result.Feed.ShouldBeNull();
        result.Error.ShouldNotBeNullOrWhiteSpace();
    }

    /// <summary>E7: UTF-16 in either byte order, with or without a byte order mark.</summary>
    [Theory]
    [InlineData("utf-16LE", true)]
    [InlineData("utf-16BE", true)]
    [InlineData("utf-16LE", false)]
    [InlineData("utf-16BE", false)]
    public void Utf16_in_either_order_is_read_with_or_without_a_bom(string encodingName, bool bom)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var text = Rss.Replace("encoding=\"utf-8\"", "encoding=\"utf-16\"", StringComparison.Ordinal);
        byte[] bytes = [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)];

        var result = Parse(bytes, null);

        result.Error.ShouldBeNull();
        result.Feed.ShouldNotBeNull().Items.ShouldHaveSingleItem().Title.ShouldBe("Één item");
    }
}

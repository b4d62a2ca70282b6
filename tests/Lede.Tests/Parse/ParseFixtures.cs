using Lede.Parse;
using Lede.Tests.Support;

namespace Lede.Tests.Parse;

/// <summary>Reads the parse fixtures beside these tests and parses them.</summary>
internal static class ParseFixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Repo.Root, "tests", "Lede.Tests", "Parse", "Fixtures", name));

    public static ParseResult Parse(string name, string? contentType = null, string? url = null)
        => FeedParser.Parse(new FeedInput(Bytes(name), contentType, url is null ? null : new Uri(url)));

    public static Feed Feed(string name, string? contentType = null, string? url = null)
    {
        var result = Parse(name, contentType, url);
        result.Feed.ShouldNotBeNull(result.Error);
        return result.Feed;
    }

    public static ParseResult Text(string xml, string? url = null)
        => FeedParser.Parse(new FeedInput(System.Text.Encoding.UTF8.GetBytes(xml), null, url is null ? null : new Uri(url)));
}

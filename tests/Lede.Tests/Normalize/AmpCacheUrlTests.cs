using System.Text.RegularExpressions;
using Lede.Normalize;
using Lede.Tests.Support;

namespace Lede.Tests.Normalize;

public sealed partial class AmpCacheUrlTests
{
    [Theory]
    [InlineData("example.com", "example-com")]
    [InlineData("foo.example.com", "foo-example-com")]
    [InlineData("foo-example.com", "foo--example-com")]
    [InlineData("xn--57hw060o.com", "xn---com-p33b41770a")]
    [InlineData("⚡😊.com", "xn---com-p33b41770a")]
    [InlineData("en-us.example.com", "0-en--us-example-com-0")]
    [InlineData("WWW.Example.COM", "www-example-com")]
    public void Domain_prefixes_match_the_spec_examples(string host, string expected)
        => AmpCacheUrl.DomainPrefix(host).ShouldBe(expected);

    [Fact]
    public void A_prefix_over_63_characters_falls_back_to_the_base32_hash()
        => AmpCacheUrl.DomainPrefix(new string('a', 30) + "." + new string('b', 30) + ".com")
            .ShouldBe("4mq25mmy7glkxs5fv5ogogjqtnou7blg7s7shp644qdlzu6vdwcq");

    [Theory]
    [InlineData("https://amp.dev/documentation/examples/api/query?value=Hello%20World", "https://amp-dev.cdn.ampproject.org/c/s/amp.dev/documentation/examples/api/query?value=Hello%20World")]
    [InlineData("http://example.com/a/b.html", "https://example-com.cdn.ampproject.org/c/example.com/a/b.html")]
    [InlineData("https://www.example.com", "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/")]
    public void Cache_urls_keep_path_and_query_under_c_s(string page, string expected)
        => AmpCacheUrl.Create(page).Url.ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/x")]
    [InlineData("mailto:a@example.com")]
    public void Bad_input_gives_a_problem_not_an_exception(string? page)
    {
        var result = AmpCacheUrl.Create(page);
        result.Url.ShouldBeNull();
        result.Problem.ShouldNotBeNull();
    }

    [Fact]
    public void Every_amp_pair_of_the_spec_records_is_reproduced()
    {
        var pairs = Repo.SampleRecords()
            .Select(File.ReadAllText)
            .SelectMany(text => AmpPair().Matches(text))
            .Select(m => (Amp: m.Groups["amp"].Value, Cdn: m.Groups["cdn"].Value))
            .ToList();
        pairs.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var (amp, cdn) in pairs)
        {
            AmpCacheUrl.Create(amp).Url.ShouldBe(cdn);
        }
    }

    [GeneratedRegex("ampWebUrl: \"(?<amp>[^\"]+)\"\\s+cdnAmpWebUrl: \"(?<cdn>[^\"]+)\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AmpPair();
}

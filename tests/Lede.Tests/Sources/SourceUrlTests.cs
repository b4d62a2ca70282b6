using Lede.Sources;

namespace Lede.Tests.Sources;

public sealed class SourceUrlTests
{
    [Theory]
    [InlineData("https://example.com/feed.xml")]
    [InlineData("  http://example.com:8080/rss  ")]
    [InlineData("http://127.0.0.1:5000/feed")]
    public void Http_urls_on_web_ports_are_accepted(string text)
    {
        var (url, problem) = SourceUrl.Parse(text);

        problem.ShouldBeNull();
        url.ShouldBe(new Uri(text.Trim()));
    }

    [Theory]
    [InlineData("example.com/feed", "is not an absolute URL")]
    [InlineData("ftp://example.com/feed.xml", "is not an http or https URL")]
    [InlineData("http://example.com:25/feed", "names port 25, which belongs to another protocol")]
    [InlineData("http://example.com:6379/", "names port 6379")]
    public void Other_urls_are_refused_with_the_reason(string text, string reason)
    {
        var (url, problem) = SourceUrl.Parse(text);

        url.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain(reason);
    }

    [Fact]
    public void Credentials_are_refused_and_not_repeated()
    {
        var (url, problem) = SourceUrl.Parse("https://editor:hunter2@example.com/feed");

        url.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("user:password@");
        problem.ShouldNotContain("hunter2");
    }

    /// <summary>H25: a URL past 2 KB is refused with its length, and the error line does not repeat it whole.</summary>
    [Fact]
    public void A_url_past_the_length_limit_is_refused()
    {
        var longest = "https://example.com/" + new string('a', SourceUrl.MaxLength - "https://example.com/".Length);

        SourceUrl.Parse(longest).Problem.ShouldBeNull();
        var (url, problem) = SourceUrl.Parse(longest + "a");
        url.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain($"is {SourceUrl.MaxLength + 1} characters long, over the limit of {SourceUrl.MaxLength}");
        problem.Length.ShouldBeLessThan(200);
    }

    [Theory]
    [InlineData("https://bücher.example/feed", "https://bücher.example/feed (xn--bcher-kva.example)")]
    [InlineData("https://\u0430pple.com/rss", "https://\u0430pple.com/rss (xn--pple-43d.com)")]
    [InlineData("https://example.com/caf\u00e9", "https://example.com/caf\u00e9")]
    [InlineData("https://example.com/feed", "https://example.com/feed")]
    [InlineData("not a url", "not a url")]
    public void A_host_that_is_not_plain_ascii_is_shown_beside_its_punycode(string url, string shown)
        => SourceUrl.Display(url).ShouldBe(shown);
}

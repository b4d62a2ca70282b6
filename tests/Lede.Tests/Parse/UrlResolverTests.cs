using Lede.Parse;

namespace Lede.Tests.Parse;

public sealed class UrlResolverTests
{
    [Theory]
    [InlineData("https://e.com/a/b.html?q=1#f", "/story/12")]
    [InlineData("https://e.com/a/b.html?q=1#f", "posts/3?x=1&y=2")]
    [InlineData("https://E.COM:443/a/", "x/y.jpg")]
    [InlineData("http://e.com:8080", "/x")]
    [InlineData("http://e.com", "x")]
    [InlineData("https://user@bücher.example/a/b", "c-d_e~f.g")]
    [InlineData("https://e.com/a/b/", "../c")]
    [InlineData("https://e.com/a/b/", "./c")]
    [InlineData("https://e.com/a/b/", "//cdn.e.com/x")]
    [InlineData("https://e.com/a/b/", "?only=query")]
    [InlineData("https://e.com/a/b/", "x y/é")]
    [InlineData("ftp://e.com/a/", "b")]
    public void Relative_urls_resolve_exactly_as_Uri_resolves_them(string baseUrl, string url)
    {
        UrlResolver.TryResolveRelative(baseUrl, url, out var resolved).ShouldBeTrue();
        resolved.ShouldBe(new Uri(new Uri(baseUrl), url).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://e.com")]
    [InlineData("https://e.com/")]
    [InlineData("http://news.e.com/a/b?x=1/2#f/g")]
    [InlineData("https://e.com#frag/x")]
    [InlineData("https://E.com/A/b")]
    [InlineData("https://e.com:443/a/b")]
    [InlineData("http://127.1/a/b")]
    [InlineData("http://0x7f.0.0.1/a/")]
    [InlineData("https://e.com/a//b/c")]
    [InlineData("https://e.com/a/./b/../c")]
    [InlineData("https://e.com/a%20b/c")]
    [InlineData("https://e.com/~u/p-1_2.html")]
    [InlineData("https://xn--bcher-kva.example/a/b")]
    public void Bases_read_without_a_Uri_resolve_as_Uri_resolves(string baseUrl)
    {
        foreach (var url in (string[])["/x/y", "x/y", "y.jpg", "?q", "../z"])
        {
            UrlResolver.TryResolveRelative(baseUrl, url, out var resolved).ShouldBeTrue();
            resolved.ShouldBe(new Uri(new Uri(baseUrl), url).AbsoluteUri, $"{baseUrl} + {url}");
        }
    }

    [Fact]
    public void A_base_that_is_not_absolute_resolves_nothing()
    {
        UrlResolver.TryResolveRelative("/relative/base", "x", out _).ShouldBeFalse();
        UrlResolver.Resolve("not a url", " x ").ShouldBe("x");
    }

    [Theory]
    [InlineData("https://e.com/a", true)]
    [InlineData("mailto:me@e.com", true)]
    [InlineData("a+b-c.d:x", true)]
    [InlineData("tag:e.com,2024:1", true)]
    [InlineData("/story/1:2", false)]
    [InlineData("story/1", false)]
    [InlineData("c:/windows", false)]
    [InlineData(":x", false)]
    [InlineData("1http://e.com", false)]
    [InlineData("ht tp://e.com", false)]
    [InlineData("http", false)]
    [InlineData("", false)]
    public void A_scheme_is_a_letter_then_scheme_characters_then_a_colon_past_the_second_character(string url, bool expected)
        => UrlResolver.HasScheme(url).ShouldBe(expected);
}

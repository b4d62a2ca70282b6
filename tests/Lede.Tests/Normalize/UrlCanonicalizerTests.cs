using Lede.Normalize;

namespace Lede.Tests.Normalize;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("https://Example.com/a?utm_source=x", "https://example.com/a")]
    [InlineData("https://example.com/a?id=7&fbclid=z#comments", "https://example.com/a?id=7")]
    [InlineData("https://example.com/a?b=2&gclid=1&a=1&utm_medium=m&mc_cid=3&mc_eid=4", "https://example.com/a?b=2&a=1")]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    [InlineData("https://example.com/a?&&", "https://example.com/a")]
    [InlineData("HTTPS://EXAMPLE.COM:443/Path/", "https://example.com/Path/")]
    [InlineData("http://example.com:80/x", "http://example.com/x")]
    [InlineData("http://example.com:8080/x", "http://example.com:8080/x")]
    [InlineData("https://example.com/a/./b/../c", "https://example.com/a/c")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://bücher.example/ü?q=1", "https://xn--bcher-kva.example/%C3%BC?q=1")]
    [InlineData("https://example.com/a?ref_src=twsrc&igshid=1&_ga=2&yclid=3&msclkid=4&dclid=5", "https://example.com/a")]
    public void Urls_take_their_canonical_form(string input, string expected)
        => UrlCanonicalizer.Canonicalize(input).Url.ShouldBe(expected);

    [Theory]
    [InlineData("https://www-dailydot-com.cdn.ampproject.org/c/s/www.dailydot.com/debug/un-calls/?amp", "https://www.dailydot.com/debug/un-calls/?amp")]
    [InlineData("https://example-com.cdn.ampproject.org/c/example.com/a.html", "http://example.com/a.html")]
    [InlineData("https://example-com.cdn.ampproject.org/v/s/example.com/a.html?amp_js_v=0.1", "https://example.com/a.html")]
    [InlineData("https://example-com.cdn.ampproject.org/i/s/example.com/logo.png", "https://example.com/logo.png")]
    [InlineData("https://www.google.com/amp/s/www.fox9.com/news/story.amp", "https://www.fox9.com/news/story.amp")]
    [InlineData("https://www.google.com/amp/www.example.com/story", "http://www.example.com/story")]
    public void Amp_cache_and_viewer_urls_are_undone(string input, string expected)
        => UrlCanonicalizer.Canonicalize(input).Url.ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("http://")]
    [InlineData("https://exa mple.com/")]
    public void Unusable_urls_give_null_and_a_reason(string? input)
    {
        var result = UrlCanonicalizer.Canonicalize(input);
        result.Url.ShouldBeNull();
        result.Problem.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Canonical_urls_are_fixed_points()
    {
        foreach (var url in (string[])["https://example.com/a?id=7&fbclid=z#x", "HTTP://Ex.com:80/./a/../b?utm_x=1&k=v", "https://www.google.com/amp/s/example.com/a"])
        {
            var once = UrlCanonicalizer.Canonicalize(url).Url!;
            UrlCanonicalizer.Canonicalize(once).Url.ShouldBe(once);
        }
    }
}

using Lede.Text;

namespace Lede.Tests.Text;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>One &amp; two</p><p>Three&nbsp;four</p>", "One & two Three four")]   // a no-break space is whitespace too
    [InlineData("Plain   text\n with  spaces", "Plain text with spaces")]
    [InlineData("<script>alert(1)</script><b>Bold</b> text<style>p{}</style>", "Bold text")]
    [InlineData("A &lt;tag&gt; written as text", "A <tag> written as text")]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("<div><p>Unclosed <i>markup", "Unclosed markup")]
    public void Markup_becomes_plain_text(string? html, string? expected) => HtmlText.ToPlain(html).ShouldBe(expected);
}

using Lede.Text;

namespace Lede.Tests.Text;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>One &amp; two</p><p>Three&nbsp;four</p>", "One & two Three four")]   // a no-break space is whitespace too
    [InlineData("Plain   text\n with  spaces", "Plain text with spaces")]
    [InlineData("<script>alert(1)</script><b>Bold</b> text<style>p{}</style>", "Bold text")]
    [InlineData("A &lt;tag&gt; written as text", "A <tag> written as text")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("<div><p>Unclosed <i>markup", "Unclosed markup")]
    public void Markup_becomes_plain_text(string? html, string expected) => HtmlText.ToPlain(html).ShouldBe(expected);

    [Fact]
    public void Paragraphs_can_be_kept_as_blank_line_separated_blocks()
        => HtmlText.ToPlain("<p>First one.</p><p>Second<br>line.</p>", keepParagraphs: true).ShouldBe("First one.\n\nSecond\n\nline.");
}

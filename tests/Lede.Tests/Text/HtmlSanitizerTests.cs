using Lede.Text;

namespace Lede.Tests.Text;

public sealed class HtmlSanitizerTests
{
    [Theory]
    [InlineData("<p onclick=\"x()\">hi</p>", "<p>hi</p>")]
    [InlineData("a<script>alert(1)</script>b", "ab")]
    [InlineData("<style>p{}</style>text", "text")]
    [InlineData("<iframe src=\"http://evil\"></iframe>ok", "ok")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"JaVaScRiPt&#58;alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\">", "<img>")]
    [InlineData("<form><input name=a></form>kept", "kept")]
    [InlineData("<object data=\"x\"></object><embed src=\"y\">z", "z")]
    [InlineData("<b style=\"background:url(javascript:x)\">b</b>", "<b>b</b>")]
    [InlineData("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "<img src=\"x\">\"&gt;")] // mXSS: noscript content is raw text, as browsers read it
    public void Dangerous_markup_is_removed(string input, string? expected)
        => HtmlSanitizer.Sanitize(input).ShouldBe(expected);

    [Fact]
    public void Safe_markup_is_kept_and_relative_urls_resolve_against_the_base()
        => HtmlSanitizer.Sanitize("<p>See <a href=\"/x\">x</a> <img src=\"i.png\" alt=\"i\" width=\"3\"></p>", "https://e.com/a/")
            .ShouldBe("<p>See <a href=\"https://e.com/x\" rel=\"noopener noreferrer\">x</a> <img src=\"https://e.com/a/i.png\" alt=\"i\" width=\"3\"></p>");

    [Fact]
    public void Plain_text_passes_unchanged() => HtmlSanitizer.Sanitize("  just words ").ShouldBe("just words");

    [Fact]
    public void Output_never_carries_script_handlers_or_script_urls()
    {
        string[] inputs =
        [
            "<svg><script>x</script></svg>", "<img src=x onerror=alert(1)>", "<a href=' javascript:x'>a</a>",
            "<<script>script>alert(1)<</script>/script>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<!--<img src=x onerror=alert(1)>-->", "<a href=\"vbscript:x\">v</a>",
            string.Concat(Enumerable.Repeat("<div><span>", 50_000)) + "deep<script>x</script>",
        ];
        foreach (var input in inputs)
        {
            var output = HtmlSanitizer.Sanitize(input) ?? "";
            output.ShouldNotContain("<script", Case.Insensitive);
            output.ShouldNotContain("<img src=x onerror", Case.Insensitive);
            output.ShouldNotContain("javascript:", Case.Insensitive);
            output.ShouldNotContain("vbscript:", Case.Insensitive);
        }
    }

    [Theory]
    [InlineData("<p>One <a href=\"/x?a=1&amp;b=2\" title='t'>link</a> &amp; <b>bold</b>.</p>")]
    [InlineData("<p>a<p>b<ul><li>1<li>2</ul>")]
    [InlineData("<img src=\"i.png\" alt=\"&quot;q&quot;\" onerror=\"x()\"/> caf&#233; &#x263A; &nbsp;&mdash; a & b")]
    [InlineData("<div><span class=\"c\">text</span></div><font color=\"red\">unwrapped</font></b>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a><a href=\"mailto:me@example.com\">m</a>")]
    public void The_fast_path_and_the_html5_tokenizer_agree_on_simple_markup(string html)
    {
        var fast = new System.Text.StringBuilder();
        HtmlSanitizer.TryWriteSimple(html, fast, "https://e.com/").ShouldBeTrue();
        var full = new System.Text.StringBuilder();
        HtmlSanitizer.Write(html, full, "https://e.com/");
        fast.ToString().ShouldBe(full.ToString());
    }

    [Theory]
    [InlineData("<!-- c -->x")]
    [InlineData("<script>x</script>")]
    [InlineData("a < b")]
    [InlineData("<a href=unquoted>x</a>")]
    [InlineData("&copy without semicolon")]
    public void Unusual_markup_leaves_the_fast_path(string html)
        => HtmlSanitizer.TryWriteSimple(html, new System.Text.StringBuilder(), null).ShouldBeFalse();
}

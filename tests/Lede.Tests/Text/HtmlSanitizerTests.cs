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
    [InlineData("<p>One <a href=\"/x?a=1&amp;b=2\" title='t'>link</a> &amp; <b>bold</b>.</p>",
        "<p>One <a href=\"https://e.com/x?a=1&amp;b=2\" title=\"t\" rel=\"noopener noreferrer\">link</a> &amp; <b>bold</b>.</p>")]
    [InlineData("<p>a<p>b<ul><li>1<li>2</ul>", "<p>a</p><p>b<ul><li>1</li><li>2</li></ul></p>")]
    [InlineData("<img src=\"i.png\" alt=\"&quot;q&quot;\" onerror=\"x()\"/> caf&#233; &#x263A; &nbsp;&mdash; a & b",
        "<img src=\"https://e.com/i.png\" alt=\"&quot;q&quot;\"> café ☺ \u00A0— a &amp; b")]
    [InlineData("<div><span class=\"c\">text</span></div><font color=\"red\">unwrapped</font></b>", "<div><span>text</span></div>unwrapped")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a><a href=\"mailto:me@example.com\">m</a>",
        "<a>x</a><a href=\"mailto:me@example.com\" rel=\"noopener noreferrer\">m</a>")]
    [InlineData("<!-- c -->x", "x")]
    [InlineData("a < b", "a &lt; b")]
    [InlineData("<a href=unquoted>x</a>", "<a href=\"https://e.com/unquoted\" rel=\"noopener noreferrer\">x</a>")]
    [InlineData("&copy without semicolon", "© without semicolon")]
    public void Plain_and_unusual_markup_read_as_a_browser_reads_it(string html, string expected)
        => HtmlSanitizer.Sanitize(html, "https://e.com/").ShouldBe(expected);

    [Theory]
    [InlineData("<p/>x<b/>y", "<p></p>x<b></b>y")] // self-closing non-void tags stay balanced
    [InlineData("<p>unclosed <b>bold <i>both", "<p>unclosed <b>bold <i>both</i></b></p>")]
    [InlineData("<div><p>x</div>y", "<div><p>x</p></div>y")]
    [InlineData("<b><i>x</b>y</i>", "<b><i>x</i></b>y")]
    [InlineData("</>x</ y>z", "xz")]
    [InlineData("<a title=x href=/y title=z>d</a>", "<a title=\"x\" href=\"/y\" rel=\"noopener noreferrer\">d</a>")]
    public void Unclosed_and_misnested_tags_give_balanced_output(string html, string expected)
        => HtmlSanitizer.Sanitize(html).ShouldBe(expected);

    [Theory]
    [InlineData("<![CDATA[<script>x</script>]]>after", "x]]&gt;after")] // CDATA is a bogus comment in HTML, up to its first '>'
    [InlineData("<?php echo 1 ?>after", "after")]
    [InlineData("<!DOCTYPE html>after", "after")]
    [InlineData("<!--> a", "a")]
    [InlineData("<!---> b", "b")]
    [InlineData("<!-- x --!> c", "c")]
    [InlineData("<!-- never closed <b>x</b>", null)]
    public void Comments_cdata_and_processing_instructions_are_dropped(string html, string? expected)
        => HtmlSanitizer.Sanitize(html).ShouldBe(expected);

    [Theory]
    [InlineData("<a href='jav&#x09;ascript:alert(1)'>t</a>")]
    [InlineData("<a href='jav&Tab;ascript:alert(1)'>t</a>")]
    [InlineData("<a href='jav&NewLine;ascript:alert(1)'>t</a>")]
    [InlineData("<a href='javascript&colon;alert(1)'>t</a>")]
    [InlineData("<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">")]
    [InlineData("<IMG SRC=\"jav\tascript:alert('XSS');\">")]
    [InlineData("<a href=\"  &#14;  javascript:alert(1)\">x</a>")]
    [InlineData("<IMG SRC=JaVaScRiPt:alert('XSS')>")]
    [InlineData("<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>")]
    [InlineData("<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097>")]
    [InlineData("<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>")]
    [InlineData("<a href=\"vbscript&#x3a;msgbox(1)\">v</a>")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">d</a>")]
    [InlineData("<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>")]
    [InlineData("<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>")]
    [InlineData("<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>")]
    [InlineData("<SCRIPT SRC=http://xss.rocks/xss.js?< B >")]
    [InlineData("</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>")]
    [InlineData("<svg/onload=alert('XSS')>")]
    [InlineData("<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>")]
    [InlineData("<img src=x alt=\"a\"onerror=alert(1)>")]
    [InlineData("<img/src=x/onerror=alert(1)>")]
    [InlineData("<script/>alert(1)</script>")]
    [InlineData("<scr<script>ipt>alert(1)</script>")]
    [InlineData("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>")]
    [InlineData("<svg><style></svg><img src=x onerror=alert(1)></style>")]
    [InlineData("<a href=\"&#1;javascript:alert(1)\">x</a>")]
    public void Filter_evasion_inputs_come_out_harmless(string html)
    {
        foreach (var baseUrl in (string?[])[null, "https://e.com/a/"])
        {
            var output = HtmlSanitizer.Sanitize(html, baseUrl) ?? "";
            output.ShouldNotContain("<script", Case.Insensitive);
            output.ShouldNotContain("javascript", Case.Insensitive);
            output.ShouldNotContain("vbscript", Case.Insensitive);
            output.ShouldNotContain("data:", Case.Insensitive);
            output.ShouldNotMatch("(?i)<[^>]*\\son[a-z]+=");
        }
    }

    [Theory]
    [InlineData("<textarea><b>no</b></textarea>yes", "yes")]
    [InlineData("<xmp><script>x</script></xmp>after", "after")]
    [InlineData("<plaintext><b>never", null)]
    [InlineData("<SCRIPT>a</SCRIPT >b</script>c", "bc")]
    [InlineData("<script>a</scripty>b</script>c", "c")]
    [InlineData("<svg><svg></svg>x</svg>y", "y")]
    public void Raw_text_and_dropped_elements_lose_their_content(string html, string? expected)
        => HtmlSanitizer.Sanitize(html).ShouldBe(expected);

    [Theory]
    [InlineData("safe<object classid=\"clsid:C932\"> description", "safe description")]
    [InlineData("<object data=\"v.swf\"><param name=\"movie\" value=\"v.swf\"><embed src=\"v.swf\"><p>Get <b>Flash</b></p></object>", "<p>Get <b>Flash</b></p>")]
    [InlineData("safe<iframe src=\"http://e.com/\"> description</iframe>", "safe description")]
    [InlineData("safe<iframe src=\"http://e.com/\"/> description", "safe description")]
    [InlineData("<applet code=\"a.class\">no <i>Java</i></applet>", "no <i>Java</i>")]
    [InlineData("<iframe><script>alert(1)</script><style>p{}</style>text</iframe>", "text")]
    [InlineData("<object><object onload=\"x()\"></object>x</object>y", "xy")]
    public void Embedding_elements_go_and_their_fallback_content_stays_sanitized(string html, string expected)
        => HtmlSanitizer.Sanitize(html).ShouldBe(expected);

    [Theory]
    [InlineData("&amp &ampx &lt;b&gt;", "&amp; &amp;x &lt;b&gt;")]
    [InlineData("&#0; &#x110000; &#128; &#65 &#xD800;", "\uFFFD \uFFFD € A \uFFFD")]
    [InlineData("&unknown; &#; &#x;", "&amp;unknown; &amp;#; &amp;#x;")]
    [InlineData("<a href=\"/x?a=1&copy=2&amp;b\">q</a>", "<a href=\"/x?a=1&amp;copy=2&amp;b\" rel=\"noopener noreferrer\">q</a>")]
    [InlineData("text\0with nul<b\0>x</b>", "textwith nulx")]
    public void Character_references_decode_as_in_browsers_and_are_escaped_again(string html, string expected)
        => HtmlSanitizer.Sanitize(html).ShouldBe(expected);
}

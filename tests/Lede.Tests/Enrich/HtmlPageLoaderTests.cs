using System.Text;
using Lede.Enrich;

namespace Lede.Tests.Enrich;

public sealed class HtmlPageLoaderTests
{
    [Fact]
    public void Meta_charset_decodes_legacy_bytes()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\u00e9 \u0080</p></body></html>");
        bytes[^18] = 0x80;
        var page = HtmlPageLoader.Load(bytes);
        page.Document.Body!.TextContent.ShouldContain("Café");
    }

    /// <summary>E3: a charset declared after the first 1024 bytes (a long head of scripts and metadata) still decodes the page.</summary>
    [Fact]
    public void A_meta_charset_after_the_first_kilobyte_is_still_honoured()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var padding = $"<meta name=\"description\" content=\"{new string('a', 2000)}\">";
        var html = $"<html><head>{padding}<meta charset=\"windows-1251\"></head><body><p>Привет, мир</p></body></html>";
        var bytes = Encoding.GetEncoding(1251).GetBytes(html);
        Encoding.ASCII.GetString(bytes).IndexOf("charset", StringComparison.Ordinal).ShouldBeGreaterThan(1024);

        var page = HtmlPageLoader.Load(bytes);

        page.Document.Body!.TextContent.ShouldBe("Привет, мир");
    }

    [Fact]
    public void Undeclared_utf8_is_read_as_utf8_and_invalid_bytes_as_windows_1252()
    {
        HtmlPageLoader.Load(Encoding.UTF8.GetBytes("<p>naïve — ok</p>")).Document.Body!.TextContent.ShouldBe("naïve — ok");
        var legacy = HtmlPageLoader.Load(new byte[] { (byte)'<', (byte)'p', (byte)'>', 0x93, (byte)'q', 0x94 });
        legacy.Document.Body!.TextContent.ShouldBe("\u201cq\u201d");
        legacy.Warnings.ShouldNotBeEmpty();
    }

    [Fact]
    public void Deep_nesting_is_capped_before_parsing_and_text_is_kept()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "deep text" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        var page = HtmlPageLoader.Load(html, maxDepth: 64);
        page.Document.Body!.TextContent.ShouldBe("deep text");
        page.Document.QuerySelectorAll("div").Length.ShouldBeLessThanOrEqualTo(64);
        page.Warnings.ShouldContain(w => w.Contains("nested deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Flat_pages_with_implied_end_tags_are_not_cut()
    {
        var html = string.Concat(Enumerable.Range(0, 2000).Select(i => $"<p>para {i}<li>item"));
        var page = HtmlPageLoader.Load(html, maxDepth: 64);
        page.Warnings.ShouldBeEmpty();
        page.Document.QuerySelectorAll("p").Length.ShouldBe(2000);
    }

    [Fact]
    public void Oversized_and_garbage_input_never_throws()
    {
        HtmlPageLoader.Load(new byte[100], maxBytes: 10).Warnings.ShouldContain(w => w.Contains("cut", StringComparison.Ordinal));
        HtmlPageLoader.Load((string?)null).Document.ShouldNotBeNull();
        HtmlPageLoader.Load("<<<>>></div></p><!-- <script>").Document.ShouldNotBeNull();
    }
}

namespace Lede.Tests.Parse;

public sealed class FeedDecoderTests
{
    [Fact]
    public void Iso_8859_1_declared_in_the_prolog_is_read_as_windows_1252()
        => ParseFixtures.Feed("rss091-iso-8859-1-declared.xml").Title.ShouldBe("Café “quoted”");

    [Fact]
    public void Declared_utf8_that_is_not_falls_back_with_an_encoding_warning()
    {
        var result = ParseFixtures.Parse("rss20-declared-utf8-but-latin1-bytes.xml");
        result.Feed!.Title.ShouldBe("Café");
        result.Warnings.ShouldContain(w => w.Kind == "encoding");
    }

    [Fact]
    public void Windows_1251_is_decoded_through_the_code_pages_provider()
        => ParseFixtures.Feed("rss20-windows-1251.xml").Title.ShouldBe("Новости");

    [Fact]
    public void Utf16_with_a_bom_is_decoded()
        => ParseFixtures.Feed("rss20-utf16le-with-bom.xml").Title.ShouldBe("Zürich");

    [Fact]
    public void The_http_charset_outranks_the_xml_declaration()
        => (ParseFixtures.Feed("rss20-windows-1251.xml", "application/rss+xml; charset=koi8-r").Title == "Новости").ShouldBeFalse();

    [Fact]
    public void An_unknown_charset_in_the_header_is_ignored_with_a_warning()
    {
        var result = ParseFixtures.Parse("rss20-windows-1251.xml", "text/xml; charset=no-such-thing");
        result.Feed!.Title.ShouldBe("Новости");
        result.Warnings.ShouldContain(w => w.Kind == "encoding");
    }
}

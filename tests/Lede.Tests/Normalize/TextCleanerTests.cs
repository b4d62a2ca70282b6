using Lede.Normalize;

namespace Lede.Tests.Normalize;

public sealed class TextCleanerTests
{
    [Theory]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    [InlineData("&lt;b&gt; &quot;x&quot; &#39;y&#39;", "<b> \"x\" 'y'")]
    [InlineData("it&#8217;s &#x2014; &#X201C;ok&#x201D;", "it’s — “ok”")]
    [InlineData("it&#8217s fine", "it’s fine")]
    [InlineData("&hellip; &mdash; &nbsp;&euro;&copy;", "… — €©")]
    [InlineData("AT&T and R&D &copy2", "AT&T and R&D &copy2")]
    [InlineData("&amp;eacute;", "&eacute;")]
    public void Entities_are_decoded_once(string input, string expected)
        => TextCleaner.Clean(input).Text.ShouldBe(expected);

    [Theory]
    [InlineData("  a \t b\r\n\nc  ", "a b c")]
    [InlineData("a\u00A0\u00A0b\u2009c\u3000d", "a b c d")]
    [InlineData("zero\u200Bwidth\u2060joined\uFEFF soft\u00ADhyphen", "zerowidthjoined softhyphen")]
    [InlineData("bell\u0007 and\u0000 nul", "bell and nul")]
    [InlineData("👨\u200D👩\u200D👧", "👨\u200D👩\u200D👧")]
    [InlineData("e\u0301te\u0301", "été")]
    public void Whitespace_controls_and_normalization_follow_the_policy(string input, string expected)
        => TextCleaner.Clean(input).Text.ShouldBe(expected);

    [Fact]
    public void Paragraph_breaks_survive_when_asked()
        => TextCleaner.Clean("One.\n\n\nTwo  words.\nThree.", keepParagraphs: true).Text.ShouldBe("One.\n\nTwo words.\n\nThree.");

    [Fact]
    public void Mojibake_is_repaired_after_entities_and_reported()
    {
        var clean = TextCleaner.Clean("Itâ€™s &amp; CafÃ©");
        clean.Text.ShouldBe("It’s & Café");
        clean.RepairedMojibake.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\uD800 lone surrogate \uDC00")]
    [InlineData("&#xFFFFFFFF; &#99999999; &#0;")]
    public void Broken_input_gives_text_not_an_exception(string? input)
        => TextCleaner.Clean(input).Text.ShouldNotBeNull();
}

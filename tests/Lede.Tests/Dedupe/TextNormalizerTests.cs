using Lede.Dedupe;

namespace Lede.Tests.Dedupe;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("  Hello,   WORLD!\n\tAgain ", "hello world again")]
    [InlineData("The AP’s “wire” — don't", "the aps wire dont")]
    [InlineData("ﬁnance Ｈ１００ ①", "finance h100 1")]
    [InlineData("state-of-the-art, 3.5%", "state of the art 3 5")]
    [InlineData("Zo\u00EB vs Zoe\u0308", "zo\u00EB vs zo\u00EB")]
    [InlineData("soft\u00ADhyphen zero\u200Bwidth", "softhyphen zerowidth")]
    [InlineData("", "")]
    [InlineData("?!… —", "")]
    public void Text_is_composed_lower_cased_and_stripped_of_punctuation(string input, string expected)
        => TextNormalizer.Normalize(input).ShouldBe(expected);

    [Fact]
    public void Broken_surrogates_and_null_do_not_throw()
    {
        TextNormalizer.Normalize("a\uD800b \uDC00c 😀 d").ShouldBe("a b c d");
        TextNormalizer.Normalize(null).ShouldBe("");
    }
}

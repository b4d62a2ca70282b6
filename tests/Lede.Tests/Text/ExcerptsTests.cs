using Lede.Text;

namespace Lede.Tests.Text;

public sealed class ExcerptsTests
{
    [Fact]
    public void Short_text_is_kept_whole() => Excerpts.Cut("A short excerpt.").ShouldBe("A short excerpt.");

    [Fact]
    public void Long_text_is_cut_at_a_sentence_end_near_the_target()
    {
        var text = string.Concat(Enumerable.Repeat("This sentence has exactly fifty characters in it. ", 10));

        var excerpt = Excerpts.Cut(text);

        excerpt.ShouldEndWith("in it.");
        excerpt.Length.ShouldBeInRange(180, 360);
    }

    [Fact]
    public void Text_without_sentence_ends_is_cut_at_a_word_with_an_ellipsis()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 200));

        var excerpt = Excerpts.Cut(text);

        excerpt.ShouldEndWith("word…");
        excerpt.Length.ShouldBeLessThanOrEqualTo(301);
    }
}

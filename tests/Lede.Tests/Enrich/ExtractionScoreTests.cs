using Lede.Enrich;

namespace Lede.Tests.Enrich;

public sealed class ExtractionScoreTests
{
    [Fact]
    public void Tokens_are_python_word_runs_with_case_kept()
    {
        ExtractionScore.Tokenize("It's 3.5% — naïve_x Ⅻ² Ünïcode!").ShouldBe(["It", "s", "3", "5", "naïve_x", "Ⅻ²", "Ünïcode"]);
        // A combining mark is not a word character in Python's re, unlike .NET's \w.
        ExtractionScore.Tokenize("cafe\u0301 bar").ShouldBe(["cafe", "bar"]);
    }

    [Fact]
    public void Identical_texts_score_one()
    {
        var m = ExtractionScore.Match("one two three four five", "one two three four five");
        m.ShouldBe(new ShingleMatch(1, 0, 0));
        m.Precision.ShouldBe(1);
        m.Recall.ShouldBe(1);
    }

    [Fact]
    public void Extra_words_are_false_positives_normalised_per_page()
    {
        // Truth: a b c d e → shingles abcd, bcde. Prediction: a b c d e f → abcd, bcde, cdef.
        var m = ExtractionScore.Match("a b c d e", "a b c d e f");
        m.TruePositive.ShouldBe(2.0 / 3, 1e-12);
        m.FalsePositive.ShouldBe(1.0 / 3, 1e-12);
        m.FalseNegative.ShouldBe(0);
        m.Precision.ShouldBe(2.0 / 3, 1e-12);
        m.Recall.ShouldBe(1);
    }

    [Fact]
    public void Shingles_are_multisets_and_short_texts_are_one_shingle()
    {
        ExtractionScore.Shingles("x y x y x y").Values.ShouldBe([2, 1]);
        ExtractionScore.Shingles("just two").Count.ShouldBe(1);
        ExtractionScore.Shingles("").Count.ShouldBe(0);
        // Repeated shingles count: the prediction has "a b c d" once, the truth twice.
        var m = ExtractionScore.Match("a b c d a b c d", "a b c d");
        m.TruePositive.ShouldBe(1.0 / 5, 1e-12);
        m.FalseNegative.ShouldBe(4.0 / 5, 1e-12);
    }

    [Fact]
    public void Means_are_over_pages_and_f1_is_of_the_means()
    {
        var pages = new[]
        {
            ExtractionScore.Match("a b c d e", "a b c d e"),          // P 1, R 1
            ExtractionScore.Match("a b c d e", "a b c d e f"),        // P 2/3, R 1
            ExtractionScore.Match("a b c d e f g", ""),               // no prediction: only in recall, R 0
        };
        var m = ExtractionScore.Aggregate(pages);
        m.Precision.ShouldBe((1 + 2.0 / 3) / 2, 1e-12);
        m.Recall.ShouldBe(2.0 / 3, 1e-12);
        m.F1.ShouldBe(2 * m.Precision * m.Recall / (m.Precision + m.Recall), 1e-12);
    }
}

using Lede.Classify;
using Lede.Tests.Support;

namespace Lede.Tests.Classify;

public sealed class TopicEvaluatorTests
{
    [Fact]
    public void Figures_follow_from_the_counts()
    {
        IReadOnlyList<IReadOnlyList<string>> truth = [["a"], ["a"], ["b"], ["b", "a"]];
        IReadOnlyList<IReadOnlyList<string>> predicted = [["a"], ["b"], ["b"], ["b"]];

        var e = TopicEvaluator.Score(truth, predicted, folds: 1, singleLabel: false);

        e.Accuracy.ShouldBe(0.5);
        var a = e.PerLabel.Single(m => m.Label == "a");
        (a.Precision, a.Recall, a.Support).ShouldBe((1.0, 1.0 / 3, 3));
        var b = e.PerLabel.Single(m => m.Label == "b");
        (b.Precision, b.Recall, b.F1).ShouldBe((2.0 / 3, 1.0, 0.8));
        e.MacroF1.ShouldBe((0.5 + 0.8) / 2, 1e-12);
        e.MicroF1.ShouldBe(2.0 * 3 / ((2 * 3) + 1 + 2), 1e-12);
    }

    [Fact]
    public void Cross_validation_on_the_tiny_corpus_is_perfect()
    {
        var e = TopicEvaluator.CrossValidate(TopicModelTests.TinyCorpus(), folds: 4);

        e.SingleLabel.ShouldBeTrue();
        e.Accuracy.ShouldBe(1.0);
    }

    [Fact]
    public void BBC_news_reaches_the_published_linear_model_accuracy()
    {
        // The corpus lives in ../shared and is never copied into the repository; without it there is nothing to measure.
        var dir = Path.Combine(Repo.Root, "..", "shared", "corpora", "topics", "bbc");
        if (!Directory.Exists(dir))
        {
            return;
        }

        var corpus = TopicCorpus.ReadBbc(dir);
        var e = TopicEvaluator.CrossValidate(corpus.Documents, folds: 5);

        corpus.Warnings.ShouldBeEmpty();
        e.Accuracy.ShouldBeGreaterThan(0.96);
        e.MacroF1.ShouldBeGreaterThan(0.96);
    }
}

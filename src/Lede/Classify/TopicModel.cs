using System.Globalization;

namespace Lede.Classify;

/// <summary>A learned linear topic model: TF-IDF features, one calibrated linear scorer and one threshold per label.</summary>
/// <remarks>A model classifies into the labels of its training data; saved and loaded back it gives identical scores.</remarks>
public sealed partial class TopicModel
{
    private const int ReasonTerms = 3;

    private readonly TfIdfVectorizer _vectorizer;
    private readonly float[][] _weights;
    private readonly float[] _bias;
    private readonly double[] _plattA;
    private readonly double[] _plattB;
    private readonly double[] _thresholds;

    internal TopicModel(TopicLearner learner, IReadOnlyList<string> labels, TfIdfVectorizer vectorizer, float[][] weights, float[] bias,
        double[] plattA, double[] plattB, double[] thresholds)
    {
        Learner = learner;
        Labels = labels;
        _vectorizer = vectorizer;
        _weights = weights;
        _bias = bias;
        _plattA = plattA;
        _plattB = plattB;
        _thresholds = thresholds;
    }

    /// <summary>The learner that made the model.</summary>
    public TopicLearner Learner { get; }

    /// <summary>The labels of the training data, in a fixed order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Each label's decision threshold on its score, tuned for F1 on held-out folds.</summary>
    public IReadOnlyList<double> Thresholds => _thresholds;

    /// <summary>The number of terms (unigrams and bigrams) the model knows.</summary>
    public int TermCount => _vectorizer.Terms.Count;

    /// <summary>Every label's calibrated score (0..1) in label order, each with the terms that raised it most.</summary>
    public IReadOnlyList<TopicScore> Score(string? title, string? text)
    {
        var x = _vectorizer.Transform(title, text);
        var scores = new TopicScore[Labels.Count];
        for (var c = 0; c < Labels.Count; c++)
        {
            var top = TopTerms(_weights[c], x)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"term '{_vectorizer.Terms[p.Term]}' (+{p.Part:0.###})"));
            scores[c] = new TopicScore(Labels[c], Probability(c, x), [.. top]);
        }

        return scores;
    }

    /// <summary>The labels whose score reaches their threshold.</summary>
    public IReadOnlyList<string> Predict(string? title, string? text)
    {
        var x = _vectorizer.Transform(title, text);
        return [.. Enumerable.Range(0, Labels.Count).Where(c => Probability(c, x) >= _thresholds[c]).Select(c => Labels[c])];
    }

    /// <summary>The one label with the highest score, for corpora where every document has exactly one; null when no term is known.</summary>
    public string? Best(string? title, string? text)
    {
        var x = _vectorizer.Transform(title, text);
        return Labels.Count == 0 || x.Indices.Length == 0 ? null : Labels[Enumerable.Range(0, Labels.Count).MaxBy(c => Probability(c, x))];
    }

    // The few terms that add most to a label's margin, by one pass that keeps the best so far.
    private static List<(int Term, float Part)> TopTerms(float[] weights, SparseVector x)
    {
        var top = new List<(int Term, float Part)>(ReasonTerms + 1);
        for (var k = 0; k < x.Indices.Length; k++)
        {
            var part = weights[x.Indices[k]] * x.Values[k];
            if (part <= 0 || (top.Count == ReasonTerms && part <= top[^1].Part))
            {
                continue;
            }

            var at = top.FindIndex(t => t.Part < part);
            top.Insert(at < 0 ? top.Count : at, (x.Indices[k], part));
            if (top.Count > ReasonTerms)
            {
                top.RemoveAt(ReasonTerms);
            }
        }

        return top;
    }

    internal double Margin(int label, SparseVector x) => x.Dot(_weights[label]) + _bias[label];

    // A text without one known term carries no evidence: it scores 0 rather than each label's prior.
    private double Probability(int label, SparseVector x)
        => x.Indices.Length == 0 ? 0 : LogisticRegression.Sigmoid((_plattA[label] * Margin(label, x)) + _plattB[label]);
}

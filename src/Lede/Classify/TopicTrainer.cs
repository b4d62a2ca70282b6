namespace Lede.Classify;

/// <summary>Learns a <see cref="TopicModel"/> from labelled documents: features, linear scorers, calibration and thresholds.</summary>
public static class TopicTrainer
{
    /// <summary>Trains on every document; a document with no labels is a negative example for every label.</summary>
    public static TopicTrainResult Train(IReadOnlyList<TopicDocument> documents, TopicTrainOptions? options = null)
    {
        options ??= new TopicTrainOptions();
        var warnings = new List<string>();
        var labels = documents.SelectMany(d => d.Labels).Where(l => !string.IsNullOrWhiteSpace(l)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToArray();
        if (labels.Length == 0)
        {
            warnings.Add("no labelled documents: nothing to learn");
            return new TopicTrainResult(null, warnings);
        }

        var a = Enumerable.Repeat(1.0, labels.Length).ToArray();
        var b = new double[labels.Length];
        var thresholds = Enumerable.Repeat(0.5, labels.Length).ToArray();
        var k = options.ThresholdFolds;
        if (k >= 2 && documents.Count >= 2 * k)
        {
            Calibrate(documents, labels, options, a, b, thresholds);
        }
        else if (k >= 2)
        {
            warnings.Add($"only {documents.Count} documents: thresholds stay at 0.5 (tuning needs at least {2 * k})");
        }

        foreach (var label in labels.Where(l => documents.Count(d => d.Labels.Contains(l, StringComparer.Ordinal)) < 3))
        {
            warnings.Add($"label '{label}' has fewer than 3 examples; its scores mean little");
        }

        var (vectorizer, weights, bias) = Fit(documents, labels, options);
        return new TopicTrainResult(new TopicModel(options.Learner, labels, vectorizer, weights, bias, a, b, thresholds), warnings);
    }

    // Held-out margins of every document give each label its Platt scaling and then its F1-best threshold.
    private static void Calibrate(IReadOnlyList<TopicDocument> documents, string[] labels, TopicTrainOptions options, double[] a, double[] b, double[] thresholds)
    {
        var k = options.ThresholdFolds;
        var fold = Folds.Assign(documents, k, options.Seed + 1);
        var margins = new double[labels.Length][];
        for (var c = 0; c < labels.Length; c++)
        {
            margins[c] = new double[documents.Count];
        }

        for (var f = 0; f < k; f++)
        {
            var train = documents.Where((_, i) => fold[i] != f).ToList();
            var (vectorizer, weights, bias) = Fit(train, labels, options);
            for (var i = 0; i < documents.Count; i++)
            {
                if (fold[i] == f)
                {
                    var x = vectorizer.Transform(documents[i].Title, documents[i].Text);
                    for (var c = 0; c < labels.Length; c++)
                    {
                        margins[c][i] = x.Dot(weights[c]) + bias[c];
                    }
                }
            }
        }

        for (var c = 0; c < labels.Length; c++)
        {
            var positive = documents.Select(d => d.Labels.Contains(labels[c], StringComparer.Ordinal)).ToArray();
            (a[c], b[c]) = Calibration.FitPlatt(margins[c], positive);
            var probabilities = margins[c].Select(m => LogisticRegression.Sigmoid((a[c] * m) + b[c])).ToArray();
            thresholds[c] = Calibration.BestThreshold(probabilities, positive);
        }
    }

    private static (TfIdfVectorizer, float[][], float[]) Fit(IReadOnlyList<TopicDocument> documents, string[] labels, TopicTrainOptions options)
    {
        var vectorizer = TfIdfVectorizer.Fit(documents, Math.Max(1, options.MinDocumentFrequency), Math.Max(1, options.MaxTerms));
        var x = documents.Select(d => vectorizer.Transform(d.Title, d.Text)).ToArray();
        var y = documents.Select(d => labels.Select(l => d.Labels.Contains(l, StringComparer.Ordinal)).ToArray()).ToArray();
        var dimensions = vectorizer.Terms.Count;
        if (options.Learner == TopicLearner.ComplementNaiveBayes)
        {
            return (vectorizer, ComplementNaiveBayes.Train(x, y, labels.Length, dimensions), new float[labels.Length]);
        }

        var weights = new float[labels.Length][];
        var bias = new float[labels.Length];
        for (var c = 0; c < labels.Length; c++)
        {
            var random = new Random(options.Seed + c);
            (weights[c], bias[c]) = LogisticRegression.Train(x, [.. y.Select(row => row[c])], dimensions, options, random);
        }

        return (vectorizer, weights, bias);
    }
}

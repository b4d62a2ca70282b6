namespace Lede.Classify;

/// <summary>k-fold cross-validation of the topic trainer: every document is predicted by a model that never saw it.</summary>
public static class TopicEvaluator
{
    /// <summary>Trains on k−1 folds and predicts the k-th, k times. Single-label corpora are scored by argmax, others by thresholds.</summary>
    public static TopicEvaluation CrossValidate(IReadOnlyList<TopicDocument> documents, int folds = 5, TopicTrainOptions? options = null)
    {
        options ??= new TopicTrainOptions();
        folds = Math.Clamp(folds, 2, Math.Max(2, documents.Count));
        var singleLabel = documents.Count > 0 && documents.All(d => d.Labels.Count == 1);
        var fold = Folds.Assign(documents, folds, options.Seed);
        var predicted = new IReadOnlyList<string>[documents.Count];
        for (var f = 0; f < folds; f++)
        {
            var train = documents.Where((_, i) => fold[i] != f).ToList();
            var model = TopicTrainer.Train(train, options).Model;
            for (var i = 0; i < documents.Count; i++)
            {
                if (fold[i] == f)
                {
                    var d = documents[i];
                    predicted[i] = model is null ? [] : singleLabel ? [.. new[] { model.Best(d.Title, d.Text) }.OfType<string>()] : model.Predict(d.Title, d.Text);
                }
            }
        }

        return Score(documents.Select(d => d.Labels).ToList(), predicted, folds, singleLabel);
    }

    /// <summary>Accuracy, macro- and micro-F1 and per-label figures of predictions against the truth.</summary>
    public static TopicEvaluation Score(IReadOnlyList<IReadOnlyList<string>> truth, IReadOnlyList<IReadOnlyList<string>> predicted, int folds, bool singleLabel)
    {
        var labels = truth.SelectMany(t => t).Concat(predicted.SelectMany(p => p)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var perLabel = new List<LabelMetrics>();
        int allTp = 0, allFp = 0, allFn = 0;
        foreach (var label in labels)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < truth.Count; i++)
            {
                bool t = truth[i].Contains(label, StringComparer.Ordinal), p = predicted[i].Contains(label, StringComparer.Ordinal);
                tp += t && p ? 1 : 0;
                fp += !t && p ? 1 : 0;
                fn += t && !p ? 1 : 0;
            }

            allTp += tp;
            allFp += fp;
            allFn += fn;
            perLabel.Add(new LabelMetrics(label, Ratio(tp, tp + fp), Ratio(tp, tp + fn), Ratio(2 * tp, (2 * tp) + fp + fn), tp + fn));
        }

        var exact = Enumerable.Range(0, truth.Count).Count(i => truth[i].ToHashSet(StringComparer.Ordinal).SetEquals(predicted[i]));
        return new TopicEvaluation(truth.Count, folds, singleLabel, Ratio(exact, truth.Count),
            perLabel.Count == 0 ? 0 : perLabel.Average(m => m.F1), Ratio(2 * allTp, (2 * allTp) + allFp + allFn), perLabel);
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
}

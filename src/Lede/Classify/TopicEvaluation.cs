namespace Lede.Classify;

/// <summary>Cross-validated figures of a topic model on a labelled corpus.</summary>
/// <param name="Documents">Documents evaluated.</param>
/// <param name="Folds">Folds of the cross-validation.</param>
/// <param name="SingleLabel">True when every document has one label and predictions are the top-scoring label.</param>
/// <param name="Accuracy">Share of documents whose predicted label set equals the true one.</param>
/// <param name="MacroF1">Mean F1 over labels.</param>
/// <param name="MicroF1">F1 over all (document, label) decisions.</param>
/// <param name="PerLabel">Each label's precision, recall and F1.</param>
public sealed record TopicEvaluation(int Documents, int Folds, bool SingleLabel, double Accuracy, double MacroF1, double MicroF1, IReadOnlyList<LabelMetrics> PerLabel);

namespace Lede.Classify;

/// <summary>Precision, recall and F1 of one label over an evaluation, with how many documents truly had it.</summary>
public sealed record LabelMetrics(string Label, double Precision, double Recall, double F1, int Support);

namespace Lede.Enrich;

/// <summary>Precision, recall and F1 over a set of pages.</summary>
public sealed record ExtractionMetrics(double Precision, double Recall, double F1, int Pages);

namespace Lede.Enrich;

/// <summary>One page's shingle overlap between the true and the predicted text, normalised so that TP + FP + FN = 1.</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
public readonly record struct ShingleMatch(double TruePositive, double FalsePositive, double FalseNegative)
{
    /// <summary>The page's precision: 1 when both texts are empty, 0 when nothing predicted matches.</summary>
    public double Precision => FalsePositive == 0 && FalseNegative == 0 ? 1 : TruePositive == 0 && FalsePositive == 0 ? 0 : TruePositive / (TruePositive + FalsePositive);

    /// <summary>The page's recall: 1 when both texts are empty, 0 when nothing true was found.</summary>
    public double Recall => FalsePositive == 0 && FalseNegative == 0 ? 1 : TruePositive == 0 && FalseNegative == 0 ? 0 : TruePositive / (TruePositive + FalseNegative);

    /// <summary>The page's own F1 (for ranking the worst pages; the benchmark's F1 is of the means).</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

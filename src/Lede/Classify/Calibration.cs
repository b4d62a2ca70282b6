namespace Lede.Classify;

/// <summary>Platt scaling and F1 thresholds, both fitted on held-out scores of one label.</summary>
internal static class Calibration
{
    /// <summary>Fits p = σ(a·margin + b) by Newton's method on Platt's smoothed targets.</summary>
    public static (double A, double B) FitPlatt(IReadOnlyList<double> margins, IReadOnlyList<bool> positive)
    {
        var pos = positive.Count(p => p);
        var neg = positive.Count - pos;
        if (pos == 0 || neg == 0)
        {
            return (1, 0);
        }

        double hi = (pos + 1.0) / (pos + 2.0), lo = 1.0 / (neg + 2.0);
        double a = 1, b = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (var i = 0; i < margins.Count; i++)
            {
                var p = LogisticRegression.Sigmoid((a * margins[i]) + b);
                var d = p - (positive[i] ? hi : lo);
                var w = p * (1 - p);
                ga += d * margins[i];
                gb += d;
                haa += w * margins[i] * margins[i];
                hab += w * margins[i];
                hbb += w;
            }

            var det = (haa * hbb) - (hab * hab);
            if (Math.Abs(det) < 1e-12)
            {
                break;
            }

            // A bounded Newton step: far from the optimum the full step can overshoot.
            var da = Math.Clamp(((hbb * ga) - (hab * gb)) / det, -5, 5);
            var db = Math.Clamp(((haa * gb) - (hab * ga)) / det, -5, 5);
            a -= da;
            b -= db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-9)
            {
                break;
            }
        }

        return double.IsFinite(a) && double.IsFinite(b) ? (a, b) : (1, 0);
    }

    /// <summary>The score cut that maximises F1 on held-out scores, halfway between the last kept and first dropped score.</summary>
    public static double BestThreshold(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var total = positive.Count(p => p);
        if (total == 0)
        {
            return 0.5;
        }

        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        int tp = 0, best = -1;
        var bestF1 = -1.0;
        for (var k = 0; k < order.Length; k++)
        {
            tp += positive[order[k]] ? 1 : 0;
            var f1 = 2.0 * tp / (k + 1 + total);
            // Only cut between distinct scores: equal scores cannot be told apart.
            if (f1 > bestF1 && (k + 1 == order.Length || scores[order[k + 1]] < scores[order[k]]))
            {
                bestF1 = f1;
                best = k;
            }
        }

        var cut = best + 1 < order.Length ? (scores[order[best]] + scores[order[best + 1]]) / 2 : scores[order[best]] / 2;
        return Math.Clamp(cut, 0.02, 0.98);
    }
}

namespace Lede.Classify;

/// <summary>Complement naive Bayes: each label's weights come from the documents not in it (Rennie et al. 2003).</summary>
internal static class ComplementNaiveBayes
{
    /// <value>Default: 0.3, additive smoothing.</value>
    private const double Alpha = 0.3;

    /// <summary>Per label, weights whose dot product with a document is higher the more it belongs (the negated complement log-likelihood).</summary>
    public static float[][] Train(SparseVector[] x, bool[][] y, int labels, int dimensions)
    {
        var total = new double[dimensions];
        var perLabel = new double[labels][];
        for (var c = 0; c < labels; c++)
        {
            perLabel[c] = new double[dimensions];
        }

        for (var i = 0; i < x.Length; i++)
        {
            for (var k = 0; k < x[i].Indices.Length; k++)
            {
                var j = x[i].Indices[k];
                total[j] += x[i].Values[k];
                for (var c = 0; c < labels; c++)
                {
                    if (y[i][c])
                    {
                        perLabel[c][j] += x[i].Values[k];
                    }
                }
            }
        }

        var grand = total.Sum();
        var raw = new double[labels][];
        for (var c = 0; c < labels; c++)
        {
            var complementTotal = grand - perLabel[c].Sum() + (Alpha * dimensions);
            var w = new double[dimensions];
            for (var j = 0; j < dimensions; j++)
            {
                w[j] = Math.Log((total[j] - perLabel[c][j] + Alpha) / complementTotal);
            }

            // Weight normalisation keeps labels with more text from dominating.
            var norm = w.Sum(Math.Abs);
            raw[c] = [.. w.Select(value => -value / norm)];
        }

        return Center(raw, x, dimensions);
    }

    // Every label's raw score shares a large part that depends only on the document; subtracting the mean
    // weight removes it, and dividing by the spread of training scores makes margins of order 1 for calibration.
    private static float[][] Center(double[][] raw, SparseVector[] x, int dimensions)
    {
        var labels = raw.Length;
        var mean = new double[dimensions];
        for (var j = 0; j < dimensions; j++)
        {
            for (var c = 0; c < labels; c++)
            {
                mean[j] += raw[c][j] / labels;
            }
        }

        var margins = new List<double>();
        foreach (var xi in x)
        {
            for (var c = 0; c < labels; c++)
            {
                var m = 0.0;
                for (var k = 0; k < xi.Indices.Length; k++)
                {
                    m += (raw[c][xi.Indices[k]] - mean[xi.Indices[k]]) * xi.Values[k];
                }

                margins.Add(m);
            }
        }

        var average = margins.Count > 0 ? margins.Average() : 0;
        var spread = margins.Count > 1 ? Math.Sqrt(margins.Average(m => (m - average) * (m - average))) : 1;
        var scale = spread > 1e-12 ? 1 / spread : 1;
        return [.. raw.Select(w => w.Select((value, j) => (float)((value - mean[j]) * scale)).ToArray())];
    }
}

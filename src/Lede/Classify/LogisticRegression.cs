namespace Lede.Classify;

/// <summary>Binary logistic regression by SGD with L2, for one label against the rest.</summary>
internal static class LogisticRegression
{
    public static (float[] Weights, float Bias) Train(SparseVector[] x, bool[] y, int dimensions, TopicTrainOptions options, Random random)
    {
        var v = new double[dimensions];
        var scale = 1.0;
        var bias = 0.0;
        var order = Enumerable.Range(0, x.Length).ToArray();
        var lambda = options.L2;
        const double eta0 = 0.5;
        long t = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var eta = eta0 / (1 + eta0 * lambda * t++);
                // The weight vector is scale × v, so the L2 shrink of every weight is one multiplication.
                scale *= 1 - eta * lambda;
                var margin = bias;
                var xi = x[i];
                for (var k = 0; k < xi.Indices.Length; k++)
                {
                    margin += scale * v[xi.Indices[k]] * xi.Values[k];
                }

                var gradient = Sigmoid(margin) - (y[i] ? 1 : 0);
                if (gradient == 0)
                {
                    continue;
                }

                for (var k = 0; k < xi.Indices.Length; k++)
                {
                    v[xi.Indices[k]] -= eta * gradient * xi.Values[k] / scale;
                }

                bias -= eta * gradient * 0.1;
                if (scale < 1e-6)
                {
                    for (var j = 0; j < v.Length; j++)
                    {
                        v[j] *= scale;
                    }

                    scale = 1;
                }
            }
        }

        return (v.Select(w => (float)(w * scale)).ToArray(), (float)bias);
    }

    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}

namespace Lede.Cluster;

/// <summary>IDF-weighted norms and dot products over sparse term-frequency vectors.</summary>
internal static class VectorMath
{
    public static double Norm(TermWeights vector, TermStatistics terms)
    {
        var sum = 0.0;
        foreach (var (key, weight) in vector)
        {
            var w = weight * terms.Idf(key);
            sum += w * w;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>The IDF-weighted norm of a flattened document field.</summary>
    public static double Norm(ReadOnlySpan<float> weights, ReadOnlySpan<double> idf)
    {
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i] * idf[i];
            sum += w * w;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Σ a·b·idf² over the shared keys of a document field and a story, iterating the smaller side.</summary>
    public static double Dot(DocumentVectors doc, StoryField field, TermWeights story, TermStatistics terms)
    {
        var sum = 0.0;
        var keys = doc.Keys(field);
        if (keys.Length <= story.Count)
        {
            var weights = doc.Weights(field);
            var idfs = doc.Idf(field);
            for (var i = 0; i < keys.Length; i++)
            {
                if (story.TryGetValue(keys[i], out var other))
                {
                    var idf = idfs[i];
                    sum += weights[i] * other * idf * idf;
                }
            }
        }
        else
        {
            var table = doc[field];
            foreach (var (key, weight) in story)
            {
                if (table.TryGetValue(key, out var other))
                {
                    var idf = terms.Idf(key);
                    sum += weight * other * idf * idf;
                }
            }
        }

        return sum;
    }

    /// <summary>Σ a·b·idf² over the keys two story sums share, iterating the smaller.</summary>
    public static double Dot(TermWeights a, TermWeights b, TermStatistics terms)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0.0;
        foreach (var (key, weight) in small)
        {
            if (large.TryGetValue(key, out var other))
            {
                var idf = terms.Idf(key);
                sum += weight * other * idf * idf;
            }
        }

        return sum;
    }
}

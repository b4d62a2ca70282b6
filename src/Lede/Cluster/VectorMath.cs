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

    /// <summary>Σ a·b·idf² over the shared keys of a document and a story, iterating the smaller vector.</summary>
    public static double Dot(TermWeights doc, TermWeights story, TermStatistics terms)
    {
        var sum = 0.0;
        if (doc.Count <= story.Count)
        {
            foreach (var (key, weight) in doc)
            {
                if (story.TryGetValue(key, out var other))
                {
                    var idf = terms.Idf(key);
                    sum += weight * other * idf * idf;
                }
            }
        }
        else
        {
            foreach (var (key, weight) in story)
            {
                if (doc.TryGetValue(key, out var other))
                {
                    var idf = terms.Idf(key);
                    sum += weight * other * idf * idf;
                }
            }
        }

        return sum;
    }
}

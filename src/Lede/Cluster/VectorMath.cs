namespace Lede.Cluster;

/// <summary>IDF-weighted norms and dot products over sparse term-frequency vectors.</summary>
internal static class VectorMath
{
    public static double Norm(Dictionary<int, float> vector, TermStatistics terms)
    {
        var sum = 0.0;
        foreach (var (key, weight) in vector)
        {
            var w = weight * terms.Idf(key);
            sum += w * w;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Σ a·b·idf² over the shared keys, iterating the smaller vector.</summary>
    public static double Dot(Dictionary<int, float> a, Dictionary<int, float> b, TermStatistics terms)
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

namespace Lede.Classify;

/// <summary>Unigram and bigram TF-IDF features: title counts triple, tf is sublinear (1 + ln tf), vectors have unit length.</summary>
internal sealed class TfIdfVectorizer
{
    /// <value>Default: 3; a title word counts as three words of text.</value>
    public const int TitleWeight = 3;

    private readonly Dictionary<string, int> _index;

    public TfIdfVectorizer(IReadOnlyList<string> terms, float[] idf)
    {
        Terms = terms;
        Idf = idf;
        _index = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            _index.TryAdd(terms[i], i);
        }
    }

    public IReadOnlyList<string> Terms { get; }

    public float[] Idf { get; }

    /// <summary>Learns the vocabulary (terms in at least <paramref name="minDf"/> documents, the most frequent kept) and IDF.</summary>
    public static TfIdfVectorizer Fit(IReadOnlyList<TopicDocument> documents, int minDf, int maxTerms)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var term in Count(document.Title, document.Text).Keys)
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        // Ties break by the term itself so that the same documents always give the same model.
        var kept = df.Where(kv => kv.Value >= minDf)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(maxTerms).ToList();
        var n = documents.Count;
        var idf = kept.Select(kv => (float)(Math.Log((1.0 + n) / (1.0 + kv.Value)) + 1)).ToArray();
        return new TfIdfVectorizer([.. kept.Select(kv => kv.Key)], idf);
    }

    public SparseVector Transform(string? title, string? text)
    {
        var indices = new List<int>();
        var values = new List<float>();
        var norm = 0.0;
        foreach (var (term, count) in Count(title, text))
        {
            if (_index.TryGetValue(term, out var i))
            {
                var value = (float)((1 + Math.Log(count)) * Idf[i]);
                indices.Add(i);
                values.Add(value);
                norm += (double)value * value;
            }
        }

        var indexArray = indices.ToArray();
        var valueArray = values.Select(v => norm > 0 ? (float)(v / Math.Sqrt(norm)) : 0f).ToArray();
        Array.Sort(indexArray, valueArray);
        return new SparseVector(indexArray, valueArray);
    }

    private static Dictionary<string, int> Count(string? title, string? text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        AddTerms(TopicTokens.Tokenize(title), TitleWeight, counts);
        AddTerms(TopicTokens.Tokenize(text), 1, counts);
        return counts;
    }

    private static void AddTerms(IReadOnlyList<string> all, int weight, Dictionary<string, int> counts)
    {
        // One-letter tokens are mostly possessive 's and initials: noise as unigrams and in bigrams.
        var tokens = all.Where(t => t.Length > 1).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            counts[tokens[i]] = counts.GetValueOrDefault(tokens[i]) + weight;
            if (i > 0)
            {
                var bigram = tokens[i - 1] + " " + tokens[i];
                counts[bigram] = counts.GetValueOrDefault(bigram) + weight;
            }
        }
    }
}

namespace Lede.Cluster;

/// <summary>The vocabulary and story frequencies of the stream so far, for IDF that follows the stream.</summary>
/// <remarks>
/// Frequencies count stories, not documents: a key is counted once when a story first gets it. A story's own name stays
/// distinctive however many articles cover it, while words many stories share (a topic's vocabulary) lose weight.
/// </remarks>
internal sealed class TermStatistics(double priorStories)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<int> _df = [];
    // ln(df + 1) per key and ln(S + prior + 1), kept current so IDF costs a subtraction, not a logarithm.
    private readonly List<double> _logDf = [];
    private double _logTotal = Math.Log(priorStories + 1);

    public long Stories { get; private set; }

    public int Id(string key)
    {
        if (!_ids.TryGetValue(key, out var id))
        {
            id = _names.Count;
            _ids.Add(key, id);
            _names.Add(key);
            _df.Add(0);
            _logDf.Add(0);
        }

        return id;
    }

    public string Name(int id) => _names[id];

    /// <summary>Counts one more story.</summary>
    public void CountStory() => _logTotal = Math.Log(++Stories + priorStories + 1);

    /// <summary>Counts a key that a story did not have before.</summary>
    public void CountKey(int id) => _logDf[id] = Math.Log(++_df[id] + 1.0);

    /// <summary>ln((S + prior + 1) / (sf + 1)): near 0 for words in every story, highest for words of one story.</summary>
    public double Idf(int id) => _logTotal - _logDf[id];

    /// <summary>The IDF of a key seen in one story: the most a known key can weigh now.</summary>
    public double MaxIdf => _logTotal - Math.Log(2.0);
}

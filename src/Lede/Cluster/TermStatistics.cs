namespace Lede.Cluster;

/// <summary>The vocabulary and story frequencies of the stream so far, for IDF that follows the stream.</summary>
/// <remarks>
/// Frequencies count stories, not documents: a key is counted once when a story first gets it. A story's own name stays
/// distinctive however many articles cover it, while words many stories share (a topic's vocabulary) lose weight.
/// Keys no active story holds can be forgotten (<see cref="Prune"/>), so the table follows the active window, not the
/// whole stream; a forgotten key's id is reused.
/// </remarks>
internal sealed class TermStatistics(double priorStories)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Stack<int> _free = new();
    private string?[] _names = new string?[1024];
    private int[] _df = new int[1024];
    // ln(df + 1) per key and ln(S + prior + 1), kept current so IDF costs a subtraction, not a logarithm.
    private double[] _logDf = new double[1024];
    private int _used;
    private double _logTotal = Math.Log(priorStories + 1);

    public long Stories { get; private set; }

    /// <summary>Keys in the table now.</summary>
    public int Count => _ids.Count;

    /// <summary>One more than the largest id in use: the size of a per-id mark array.</summary>
    public int IdLimit => _used;

    public int Id(string key)
    {
        if (!_ids.TryGetValue(key, out var id))
        {
            if (!_free.TryPop(out id))
            {
                id = _used++;
                if (id == _names.Length)
                {
                    Array.Resize(ref _names, id * 2);
                    Array.Resize(ref _df, id * 2);
                    Array.Resize(ref _logDf, id * 2);
                }
            }

            _ids.Add(key, id);
            _names[id] = key;
        }

        return id;
    }

    public string Name(int id) => _names[id] ?? "";

    /// <summary>True when the id stands for a key now (not one forgotten by <see cref="Prune"/>).</summary>
    public bool IsLive(int id) => (uint)id < (uint)_used && _names[id] is not null;

    /// <summary>Counts one more story.</summary>
    public void CountStory() => _logTotal = Math.Log(++Stories + priorStories + 1);

    /// <summary>Counts a key that a story did not have before.</summary>
    public void CountKey(int id) => _logDf[id] = Math.Log(++_df[id] + 1.0);

    /// <summary>ln((S + prior + 1) / (sf + 1)): near 0 for words in every story, highest for words of one story.</summary>
    public double Idf(int id) => _logTotal - _logDf[id];

    /// <summary>The IDF of a key seen in one story: the most a known key can weigh now.</summary>
    public double MaxIdf => _logTotal - Math.Log(2.0);

    /// <summary>Forgets every key whose mark is false (its story frequency too); returns how many were forgotten.</summary>
    public int Prune(bool[] keep)
    {
        var dropped = 0;
        for (var id = 0; id < _used; id++)
        {
            if (_names[id] is { } name && (id >= keep.Length || !keep[id]))
            {
                _ids.Remove(name);
                _names[id] = null;
                _df[id] = 0;
                _logDf[id] = 0;
                _free.Push(id);
                dropped++;
            }
        }

        if (dropped > 0)
        {
            _ids.TrimExcess();
        }

        return dropped;
    }
}

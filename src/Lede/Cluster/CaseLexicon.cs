using System.Runtime.InteropServices;

namespace Lede.Cluster;

/// <summary>Learns from the stream which words are names: those written capitalised in the middle of ordinary sentences.</summary>
/// <remarks>Title-case headlines capitalise every word, so there only words this lexicon knows as names count as entities.</remarks>
internal sealed class CaseLexicon
{
    private readonly Dictionary<string, (int Capital, int Lower)> _counts = new(StringComparer.Ordinal);

    public int Count => _counts.Count;

    public void Observe(string lower, bool capitalized)
    {
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_counts, lower, out _);
        counts = capitalized ? (counts.Capital + 1, counts.Lower) : (counts.Capital, counts.Lower + 1);
    }

    /// <summary>Forgets the words <paramref name="keep"/> turns down, so the lexicon follows the vocabulary still in use.</summary>
    public void Prune(Func<string, bool> keep)
    {
        var gone = new List<string>();
        foreach (var word in _counts.Keys)
        {
            if (!keep(word))
            {
                gone.Add(word);
            }
        }

        foreach (var word in gone)
        {
            _counts.Remove(word);
        }

        if (gone.Count > 0)
        {
            _counts.TrimExcess();
        }
    }

    /// <summary>True when the word has been seen capitalised mid-sentence at least twice and mostly so.</summary>
    public bool IsName(string lower)
        => _counts.TryGetValue(lower, out var c) && c.Capital >= 2 && c.Capital >= 3 * c.Lower;
}

namespace Lede.Cluster;

/// <summary>The distinct lower-case words of the stream: each one's term id, stop-word flags and how often it was seen capitalised.</summary>
/// <remarks>
/// Looked up by span, so a token costs one hash of its characters and no string; a word's string, stem and flags are worked
/// out once, when it is first met. The capitalisation counts are the name lexicon: title-case headlines capitalise every
/// word, so there only words seen capitalised mid-sentence in ordinary prose count as names.
/// </remarks>
internal sealed class StoryVocabulary
{
    private const int Unassigned = int.MinValue;

    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Stack<int> _free = new();
    private Entry[] _entries = new Entry[1024];
    private int _used;

    public StoryVocabulary() => _lookup = _slots.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _slots.Count;

    /// <summary>The slot of a lower-case word, added when new.</summary>
    public int Slot(ReadOnlySpan<char> lower)
    {
        if (_lookup.TryGetValue(lower, out var slot))
        {
            return slot;
        }

        var text = lower.ToString();
        if (!_free.TryPop(out slot))
        {
            slot = _used++;
            if (slot == _entries.Length)
            {
                Array.Resize(ref _entries, slot * 2);
            }
        }

        _entries[slot] = new Entry(text, Unassigned, StoryWords.IsStop(text), StoryWords.IsNotName(text));
        _slots.Add(text, slot);
        return slot;
    }

    public string Text(int slot) => _entries[slot].Text;

    public bool IsStop(int slot) => _entries[slot].Stop;

    public bool IsNotName(int slot) => _entries[slot].NotName;

    /// <summary>The word's term id (−1 for stop words), stemming it the first time it is asked for.</summary>
    public int TermId(int slot, TermStatistics terms)
    {
        ref var entry = ref _entries[slot];
        if (entry.TermId == Unassigned)
        {
            entry.TermId = entry.Stop ? -1 : terms.Id(StoryWords.Stem(entry.Text));
        }

        return entry.TermId;
    }

    public void Observe(int slot, bool capitalized)
    {
        ref var entry = ref _entries[slot];
        if (capitalized)
        {
            entry.Capital++;
        }
        else
        {
            entry.Lower++;
        }
    }

    /// <summary>True when the word has been seen capitalised mid-sentence at least twice and mostly so.</summary>
    public bool IsName(int slot)
    {
        var entry = _entries[slot];
        return entry.Capital >= 2 && entry.Capital >= 3 * entry.Lower;
    }

    /// <summary>Forgets the words whose term the table no longer holds, with what was learnt of them; stop words stay.</summary>
    public void Forget(TermStatistics terms)
    {
        var gone = 0;
        for (var slot = 0; slot < _used; slot++)
        {
            ref var entry = ref _entries[slot];
            if (entry.Text is { } text && (entry.TermId == Unassigned || (entry.TermId >= 0 && !terms.IsLive(entry.TermId))))
            {
                _slots.Remove(text);
                entry = default;
                _free.Push(slot);
                gone++;
            }
        }

        if (gone > 0)
        {
            _slots.TrimExcess();
        }
    }

    private record struct Entry(string Text, int TermId, bool Stop, bool NotName)
    {
        public int Capital;
        public int Lower;
    }
}

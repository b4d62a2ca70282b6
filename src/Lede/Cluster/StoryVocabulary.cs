using System.Runtime.InteropServices;

namespace Lede.Cluster;

/// <summary>The distinct lower-case words of the stream: each one's term id, stop-word flags and how often it was seen capitalised.</summary>
/// <remarks>
/// Looked up by span, so a token costs one hash of its characters and no string; a word's string, stem and flags are worked
/// out once, when it is first met. The lookup table is open addressing over slot numbers with each word's hash kept beside
/// it: a probe touches one table entry and, on a hash match, the word's characters (a dictionary also walks a bucket and an entry). The capitalisation counts are the name lexicon: title-case headlines capitalise every
/// word, so there only words seen capitalised mid-sentence in ordinary prose count as names.
/// </remarks>
internal sealed class StoryVocabulary
{
    private const int Unassigned = int.MinValue;

    private readonly Stack<int> _free = new();
    private Entry[] _entries = new Entry[1024];
    // Open addressing: each cell holds a word's hash and slot + 1 (0 = empty), at least half the cells empty.
    private Cell[] _table = new Cell[2048];
    private int _used;

    public int Count { get; private set; }

    /// <summary>The slot of a lower-case word, added when new.</summary>
    public int Slot(ReadOnlySpan<char> lower)
    {
        var hash = Hash(lower);
        var mask = _table.Length - 1;
        var at = hash & mask;
        while (_table[at].SlotPlusOne != 0)
        {
            var cell = _table[at];
            if (cell.Hash == hash && lower.SequenceEqual(_entries[cell.SlotPlusOne - 1].Text))
            {
                return cell.SlotPlusOne - 1;
            }

            at = (at + 1) & mask;
        }

        var text = lower.ToString();
        if (!_free.TryPop(out var slot))
        {
            slot = _used++;
            if (slot == _entries.Length)
            {
                Array.Resize(ref _entries, slot * 2);
            }
        }

        _entries[slot] = new Entry(text, hash, Unassigned, StoryWords.IsStop(text), StoryWords.IsNotName(text));
        _table[at] = new Cell(hash, slot + 1);
        if (++Count * 2 > _table.Length)
        {
            Rebuild(_table.Length * 2);
        }

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
            if (entry.Text is not null && (entry.TermId == Unassigned || (entry.TermId >= 0 && !terms.IsLive(entry.TermId))))
            {
                entry = default;
                _free.Push(slot);
                gone++;
            }
        }

        if (gone > 0)
        {
            Count -= gone;
            var size = 2048;
            while (size < Count * 4)
            {
                size *= 2;
            }

            Rebuild(size);
        }
    }

    // A multiplicative (FNV-style) hash of the characters, mixed at the end so the low bits that pick a cell are spread.
    private static int Hash(ReadOnlySpan<char> word)
    {
        var h = 0x2D31_8B65u;
        foreach (var c in word)
        {
            h = (h ^ c) * 0x0100_0193u;
        }

        h ^= h >> 15;
        h *= 0x2C1B_3C6Du;
        h ^= h >> 12;
        return (int)(h & 0x7FFF_FFFF);
    }

    // Lays every live word out again in a table of the given size (a power of two).
    private void Rebuild(int size)
    {
        var table = new Cell[size];
        var mask = size - 1;
        for (var slot = 0; slot < _used; slot++)
        {
            ref var entry = ref _entries[slot];
            if (entry.Text is null)
            {
                continue;
            }

            var at = entry.Hash & mask;
            while (table[at].SlotPlusOne != 0)
            {
                at = (at + 1) & mask;
            }

            table[at] = new Cell(entry.Hash, slot + 1);
        }

        _table = table;
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Cell(int Hash, int SlotPlusOne);

    private record struct Entry(string Text, int Hash, int TermId, bool Stop, bool NotName)
    {
        public int Capital;
        public int Lower;
    }
}

namespace Lede.Dedupe;

/// <summary>A multimap key → slots kept as linked lists in two int arrays, newest first: one dictionary entry per
/// key and 8 bytes per posting, instead of one list object per key.</summary>
internal sealed class PostingTable<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _heads = [];
    private int[] _slots = new int[1024];
    private int[] _next = new int[1024];

    public int Count { get; private set; }

    public void Add(TKey key, int slot)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, Count * 2);
            Array.Resize(ref _next, Count * 2);
        }

        _slots[Count] = slot;
        _next[Count] = _heads.TryGetValue(key, out var head) ? head : -1;
        _heads[key] = Count++;
    }

    /// <summary>Adds to <paramref name="into"/> up to <paramref name="max"/> slots under <paramref name="key"/>, newest first.</summary>
    public void Collect(TKey key, int max, List<int> into)
    {
        if (!_heads.TryGetValue(key, out var node))
        {
            return;
        }

        for (var seen = 0; node >= 0 && seen < max; seen++, node = _next[node])
        {
            into.Add(_slots[node]);
        }
    }

    public void Clear()
    {
        _heads.Clear();
        Count = 0;
    }
}

using System.Collections;
using System.Runtime.InteropServices;

namespace Lede.Cluster;

/// <summary>A story's summed weights by term id: an open-addressing table (one probe touches one key-and-weight pair) that enumerates in insertion order.</summary>
/// <remarks>
/// Scoring looks up every document key in every candidate story, so a lookup must cost one cache line, not a bucket and an
/// entry as <see cref="Dictionary{TKey,TValue}"/> does. Keys are term ids (never negative); entries are never removed one by
/// one, only all at once (<see cref="Clear"/>), so insertion order is the enumeration order, as it was with a dictionary.
/// </remarks>
internal sealed class TermWeights : IEnumerable<KeyValuePair<int, float>>
{
    private const int Empty = -1;

    private Slot[] _slots = NewSlots(8);
    private int[] _order = new int[4];
    private int _mask = 7;

    public int Count { get; private set; }

    public bool ContainsKey(int key) => Find(key) >= 0;

    public bool TryGetValue(int key, out float value)
    {
        var slot = Find(key);
        value = slot >= 0 ? _slots[slot].Value : 0;
        return slot >= 0;
    }

    /// <summary>Adds the weight to the key's sum; true when the key is new.</summary>
    public bool Add(int key, float weight)
    {
        var slot = Hash(key) & _mask;
        while (true)
        {
            ref var s = ref _slots[slot];
            if (s.Key == key)
            {
                s.Value += weight;
                return false;
            }

            if (s.Key == Empty)
            {
                break;
            }

            slot = (slot + 1) & _mask;
        }

        if ((Count + 1) * 2 > _slots.Length)
        {
            Grow();
            Insert(key, weight);
        }
        else
        {
            Place(slot, key, weight);
        }

        return true;
    }

    /// <summary>Replaces each count c by 1 + ln c: sublinear term frequency.</summary>
    public void Sublinear()
    {
        for (var i = 0; i < Count; i++)
        {
            ref var s = ref _slots[_order[i]];
            s.Value = 1 + MathF.Log(s.Value);
        }
    }

    public void Clear()
    {
        Array.Fill(_slots, new Slot(Empty, 0));
        Count = 0;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<int, float>> IEnumerable<KeyValuePair<int, float>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Hash(int key) => (int)(((uint)key * 0x9E3779B9u) >> 7);

    private static Slot[] NewSlots(int size)
    {
        var slots = new Slot[size];
        Array.Fill(slots, new Slot(Empty, 0));
        return slots;
    }

    private int Find(int key)
    {
        var slot = Hash(key) & _mask;
        while (true)
        {
            var k = _slots[slot].Key;
            if (k == key)
            {
                return slot;
            }

            if (k == Empty)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private void Insert(int key, float weight)
    {
        var slot = Hash(key) & _mask;
        while (_slots[slot].Key != Empty)
        {
            slot = (slot + 1) & _mask;
        }

        Place(slot, key, weight);
    }

    private void Place(int slot, int key, float weight)
    {
        _slots[slot] = new Slot(key, weight);
        if (Count == _order.Length)
        {
            Array.Resize(ref _order, Count * 2);
        }

        _order[Count++] = slot;
    }

    // Doubles the table and re-inserts in insertion order, so the order survives.
    private void Grow()
    {
        var old = _slots;
        var order = _order;
        var count = Count;
        _slots = NewSlots(old.Length * 2);
        _mask = _slots.Length - 1;
        Count = 0;
        for (var i = 0; i < count; i++)
        {
            var s = old[order[i]];
            Insert(s.Key, s.Value);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Slot(int key, float value)
    {
        public int Key = key;
        public float Value = value;
    }

    /// <summary>Enumerates the pairs in insertion order without allocating.</summary>
    public struct Enumerator(TermWeights owner) : IEnumerator<KeyValuePair<int, float>>
    {
        private int _index = -1;

        public readonly KeyValuePair<int, float> Current
        {
            get
            {
                var s = owner._slots[owner._order[_index]];
                return new KeyValuePair<int, float>(s.Key, s.Value);
            }
        }

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < owner.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}

namespace Lede.Cluster;

/// <summary>The inverted index over active stories: for each term id, the slots of the stories indexed under it.</summary>
/// <remarks>
/// Term ids are small dense integers, so the lists sit in an array by id rather than a dictionary, and each list is a flat
/// array of slots: candidate lookup walks it like a span. A story is posted under a key at most once (the caller posts only
/// keys it did not hold before); removal finds the slot with a vectorised search and moves the last slot into its place, so
/// a list's order is not kept (candidate ranking does not depend on it).
/// </remarks>
internal sealed class StoryPostings
{
    private Postings?[] _lists = new Postings?[1024];

    /// <summary>The slots posted under the key; empty when none.</summary>
    public ReadOnlySpan<int> Slots(int key)
        => (uint)key < (uint)_lists.Length && _lists[key] is { } list ? list.Items.AsSpan(0, list.Count) : [];

    /// <summary>Posts the slot under the key; the slot must not be there already.</summary>
    public void Add(int key, int slot)
    {
        if (key >= _lists.Length)
        {
            Array.Resize(ref _lists, Math.Max(key + 1, _lists.Length * 2));
        }

        var list = _lists[key] ??= new Postings();
        if (list.Count == list.Items.Length)
        {
            Array.Resize(ref list.Items, list.Count * 2);
        }

        list.Items[list.Count++] = slot;
    }

    /// <summary>Takes the slot off the key's list, if it is there.</summary>
    public void Remove(int key, int slot)
    {
        if ((uint)key >= (uint)_lists.Length || _lists[key] is not { } list)
        {
            return;
        }

        var at = list.Items.AsSpan(0, list.Count).IndexOf(slot);
        if (at < 0)
        {
            return;
        }

        list.Items[at] = list.Items[--list.Count];
        if (list.Count == 0)
        {
            // An emptied key's id may be forgotten and reused by another word: drop the list rather than keep its array.
            _lists[key] = null;
        }
    }

    private sealed class Postings
    {
        public int[] Items = new int[4];
        public int Count;
    }
}

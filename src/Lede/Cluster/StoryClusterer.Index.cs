namespace Lede.Cluster;

public sealed partial class StoryClusterer
{
    // The stories sharing the document's strongest keys, ranked by the summed IDF of what they share.
    private List<StoryState> Candidates(DocumentVectors doc)
    {
        var terms = _featurizer.Terms;
        var sums = _hitSums;
        var marks = _hitMarks;
        var touched = _hitSlots;
        touched.Clear();
        var stamp = ++_hitStamp;
        foreach (var key in QueryKeys(doc))
        {
            var stories = _postings.Slots(key);
            if (stories.Length > 0 && stories.Length <= _options.MaxPostings)
            {
                var idf = terms.Idf(key);
                foreach (var slot in stories)
                {
                    if (marks[slot] != stamp)
                    {
                        marks[slot] = stamp;
                        sums[slot] = 0;
                        touched.Add(slot);
                    }

                    sums[slot] += idf;
                }
            }
        }

        // Highest summed IDF first, ties to the older story: a bounded insertion keeps the first MaxCandidates without sorting all hits.
        var ranked = _ranked;
        ranked.Clear();
        var limit = _options.MaxCandidates;
        foreach (var slot in touched)
        {
            var weight = sums[slot];
            var id = _slots[slot]!.Id;
            if (limit <= 0 || (ranked.Count == limit && !Ahead(weight, id, ranked[^1].Weight, ranked[^1].Id)))
            {
                continue;
            }

            var at = ranked.Count;
            while (at > 0 && Ahead(weight, id, ranked[at - 1].Weight, ranked[at - 1].Id))
            {
                at--;
            }

            if (ranked.Count == limit)
            {
                ranked.RemoveAt(ranked.Count - 1);
            }

            ranked.Insert(at, (id, weight, slot));
        }

        var candidates = _candidates;
        candidates.Clear();
        foreach (var (_, _, slot) in ranked)
        {
            candidates.Add(_slots[slot]!);
        }

        return candidates;
    }

    // Gives the story a slot in the flat arrays candidate lookup sums into, and a place in the pool.
    private void Register(StoryState story)
    {
        if (!_freeSlots.TryPop(out var slot))
        {
            slot = _usedSlots++;
            if (slot == _slots.Length)
            {
                Array.Resize(ref _slots, slot * 2);
                Array.Resize(ref _hitSums, slot * 2);
                Array.Resize(ref _hitMarks, slot * 2);
            }
        }

        story.Slot = slot;
        _slots[slot] = story;
        _active.Add(story.Id, story);
    }

    private static bool Ahead(double weight, long id, double otherWeight, long otherId)
    {
        var c = weight.CompareTo(otherWeight);
        return c > 0 || (c == 0 && id < otherId);
    }

    private HashSet<int> QueryKeys(DocumentVectors doc)
    {
        var keys = _queryKeys;
        keys.Clear();
        AddTop(keys, doc[StoryField.All], _options.QueryTerms);
        AddTop(keys, doc[StoryField.Entities], _options.QueryTerms);
        foreach (var (key, _) in doc[StoryField.Title])
        {
            keys.Add(key);
        }

        return keys;
    }

    // The count keys with the highest weight × IDF, in that order (ties in the vector's own order, as a stable sort keeps them).
    private void AddTop(HashSet<int> keys, TermWeights vector, int count)
    {
        if (vector.Count <= count)
        {
            foreach (var (key, _) in vector)
            {
                keys.Add(key);
            }

            return;
        }

        // One pass, the kept entries in two flat arrays: an entry goes ahead of strictly lighter ones only, so ties keep vector order.
        if (count <= 0)
        {
            return;
        }

        if (_topKeys.Length < count)
        {
            _topKeys = new int[count];
            _topWeights = new double[count];
        }

        var terms = _featurizer.Terms;
        var topKeys = _topKeys;
        var topWeights = _topWeights;
        var kept = 0;
        foreach (var (key, weight) in vector)
        {
            var w = weight * terms.Idf(key);
            if (kept == count && w.CompareTo(topWeights[kept - 1]) <= 0)
            {
                continue;
            }

            var at = kept == count ? kept - 1 : kept++;
            while (at > 0 && w.CompareTo(topWeights[at - 1]) > 0)
            {
                topKeys[at] = topKeys[at - 1];
                topWeights[at] = topWeights[at - 1];
                at--;
            }

            topKeys[at] = key;
            topWeights[at] = w;
        }

        for (var k = 0; k < kept; k++)
        {
            keys.Add(topKeys[k]);
        }
    }

    // Posts the story under its strongest keys now; only the keys that entered or left its top are touched in the index.
    private void Reindex(StoryState story)
    {
        var keys = _indexKeys;
        keys.Clear();
        AddTop(keys, story[StoryField.All], _options.IndexTermsPerStory);
        AddTop(keys, story[StoryField.Entities], _options.IndexTermsPerStory);
        AddTop(keys, story[StoryField.Title], _options.IndexTermsPerStory / 2);
        var old = story.IndexedKeys;
        var held = _heldKeys;
        held.Clear();
        foreach (var key in old)
        {
            if (keys.Contains(key))
            {
                held.Add(key);
            }
            else
            {
                _postings.Remove(key, story.Slot);
            }
        }

        foreach (var key in keys)
        {
            if (!held.Contains(key))
            {
                _postings.Add(key, story.Slot);
            }
        }

        if (old.Length != keys.Count)
        {
            old = new int[keys.Count];
        }

        keys.CopyTo(old);
        story.IndexedKeys = old;
    }

    // Stories whose newest article fell out of the window leave the pool; without dates, the least recently joined beyond the cap.
    private void Evict()
    {
        var stale = new List<StoryState>();
        if (_clock is { } clock)
        {
            var limit = clock.AddDays(-_options.WindowDays);
            stale.AddRange(_active.Values.Where(s => s.Newest is { } newest && newest < limit));
        }

        var excess = _active.Count - stale.Count - _options.MaxActiveStories;
        if (excess > 0)
        {
            var staleIds = stale.Select(s => s.Id).ToHashSet();
            stale.AddRange(_active.Values.Where(s => !staleIds.Contains(s.Id)).OrderBy(s => s.Touched).Take(excess + (_options.MaxActiveStories / 10)));
        }

        foreach (var story in stale)
        {
            Drop(story);
        }

        ForgetBridges();
    }

    // Once the term table has doubled past the floor, keys that no active story (nor the document at hand) holds are forgotten,
    // so memory follows the active window rather than the length of the stream.
    private void PruneTerms(DocumentVectors current)
    {
        var terms = _featurizer.Terms;
        if (terms.Count < Math.Max(_options.TermTableFloor, 2L * _termsAfterPrune))
        {
            return;
        }

        var keep = new bool[terms.IdLimit];
        Mark(keep, current);
        foreach (var story in _active.Values)
        {
            for (var f = 0; f < DocumentVectors.FieldCount; f++)
            {
                foreach (var (key, _) in story[(StoryField)f])
                {
                    keep[key] = true;
                }
            }

            foreach (var key in story.IndexedKeys)
            {
                keep[key] = true;
            }
        }

        _featurizer.Prune(keep);
        _termsAfterPrune = terms.Count;
    }

    private static void Mark(bool[] keep, DocumentVectors doc)
    {
        for (var f = 0; f < DocumentVectors.FieldCount; f++)
        {
            foreach (var (key, _) in doc[(StoryField)f])
            {
                keep[key] = true;
            }
        }
    }
}

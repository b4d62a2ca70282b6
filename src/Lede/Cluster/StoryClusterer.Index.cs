using System.Runtime.InteropServices;

namespace Lede.Cluster;

public sealed partial class StoryClusterer
{
    // The stories sharing the document's strongest keys, ranked by the summed IDF of what they share.
    private List<StoryState> Candidates(DocumentVectors doc)
    {
        var terms = _featurizer.Terms;
        var hits = _hits;
        hits.Clear();
        foreach (var key in QueryKeys(doc))
        {
            if (_postings.TryGetValue(key, out var stories) && stories.Count <= _options.MaxPostings)
            {
                var idf = terms.Idf(key);
                foreach (var id in stories)
                {
                    ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(hits, id, out _);
                    sum += idf;
                }
            }
        }

        // Highest summed IDF first, ties to the older story: a bounded insertion keeps the first MaxCandidates without sorting all hits.
        var ranked = _ranked;
        ranked.Clear();
        var limit = _options.MaxCandidates;
        foreach (var (id, weight) in hits)
        {
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

            ranked.Insert(at, (id, weight));
        }

        var candidates = new List<StoryState>(ranked.Count);
        foreach (var (id, _) in ranked)
        {
            candidates.Add(_active[id]);
        }

        return candidates;
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

        var terms = _featurizer.Terms;
        var ranked = _topBuffer;
        ranked.Clear();
        foreach (var (key, weight) in vector)
        {
            ranked.Add((key, weight * terms.Idf(key), ranked.Count));
        }

        AddRanked(keys, count);
    }

    // The first count entries of the buffer by weight (highest first, ties in buffer order), added to keys in that order.
    private void AddRanked(HashSet<int> keys, int count)
    {
        var ranked = _topBuffer;
        var best = _topPicked;
        best.Clear();
        if (count > 0)
        {
            foreach (var entry in ranked)
            {
                // Entries come in buffer order, so an equal weight never goes ahead of one already kept.
                if (best.Count == count && entry.Weight.CompareTo(best[^1].Weight) <= 0)
                {
                    continue;
                }

                var at = best.Count;
                while (at > 0 && entry.Weight.CompareTo(best[at - 1].Weight) > 0)
                {
                    at--;
                }

                if (best.Count == count)
                {
                    best.RemoveAt(best.Count - 1);
                }

                best.Insert(at, entry);
            }
        }

        foreach (var entry in best)
        {
            keys.Add(entry.Key);
        }
    }

    private void Reindex(StoryState story)
    {
        var keys = _indexKeys;
        keys.Clear();
        AddTop(keys, story[StoryField.All], _options.IndexTermsPerStory);
        AddTop(keys, story[StoryField.Entities], _options.IndexTermsPerStory);
        AddTop(keys, story[StoryField.Title], _options.IndexTermsPerStory / 2);
        foreach (var old in story.IndexedKeys)
        {
            if (!keys.Contains(old))
            {
                Unpost(old, story.Id);
            }
        }

        foreach (var key in keys)
        {
            if (!_postings.TryGetValue(key, out var stories))
            {
                stories = [];
                _postings.Add(key, stories);
            }

            stories.Add(story.Id);
        }

        story.IndexedKeys = [.. keys];
    }

    private void Unpost(int key, long storyId)
    {
        if (_postings.TryGetValue(key, out var stories) && stories.Remove(storyId) && stories.Count == 0)
        {
            _postings.Remove(key);
        }
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
            foreach (var key in story.IndexedKeys)
            {
                Unpost(key, story.Id);
            }

            _active.Remove(story.Id);
        }
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

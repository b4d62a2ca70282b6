namespace Lede.Cluster;

public sealed partial class StoryClusterer
{
    // The stories sharing the document's strongest keys, ranked by the summed IDF of what they share.
    private List<StoryState> Candidates(DocumentVectors doc)
    {
        var terms = _featurizer.Terms;
        var hits = new Dictionary<long, double>();
        foreach (var key in QueryKeys(doc))
        {
            if (_postings.TryGetValue(key, out var stories) && stories.Count <= _options.MaxPostings)
            {
                var idf = terms.Idf(key);
                foreach (var id in stories)
                {
                    hits[id] = hits.GetValueOrDefault(id) + idf;
                }
            }
        }

        return [.. hits.OrderByDescending(h => h.Value).ThenBy(h => h.Key).Take(_options.MaxCandidates).Select(h => _active[h.Key])];
    }

    private HashSet<int> QueryKeys(DocumentVectors doc)
    {
        var keys = Top(doc[StoryField.All], _options.QueryTerms).ToHashSet();
        keys.UnionWith(Top(doc[StoryField.Entities], _options.QueryTerms));
        keys.UnionWith(doc[StoryField.Title].Keys);
        return keys;
    }

    private IEnumerable<int> Top(Dictionary<int, float> vector, int count)
    {
        var terms = _featurizer.Terms;
        return vector.Count <= count ? vector.Keys : vector.OrderByDescending(p => p.Value * terms.Idf(p.Key)).Take(count).Select(p => p.Key);
    }

    private void Reindex(StoryState story)
    {
        var keys = Top(story[StoryField.All], _options.IndexTermsPerStory).ToHashSet();
        keys.UnionWith(Top(story[StoryField.Entities], _options.IndexTermsPerStory));
        keys.UnionWith(Top(story[StoryField.Title], _options.IndexTermsPerStory / 2));
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
}

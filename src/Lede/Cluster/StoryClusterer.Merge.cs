using System.Globalization;

namespace Lede.Cluster;

public sealed partial class StoryClusterer
{
    // Every candidate scored for the document at hand, for the merge step.
    private readonly List<CandidateScore> _scored = [];
    // Articles seen so far that fit both of two active stories without merging them, by the pair's ids (smaller first).
    private readonly Dictionary<(long, long), int> _bridges = [];

    // A document that would join two stories is a bridge: when the two stories' centroids are also alike (and their key details
    // do not conflict), they are one story told twice, and the later one merges into the earlier. Returns the surviving story.
    private StoryState MergeBridged(DocumentVectors doc, StoryState joined, double threshold, List<string> why, List<long> merged)
    {
        if (_options.MergeThreshold <= 0 || _options.MergeThreshold > 1)
        {
            return joined;
        }

        var survivor = joined;
        foreach (var other in _scored)
        {
            var story = other.Story;
            if (ReferenceEquals(story, survivor) || !_active.ContainsKey(story.Id) || other.Score < threshold || !Check(doc, other).Passed)
            {
                continue;
            }

            var similarity = StorySimilarity(survivor, story);
            // Headline-only stories' sums share fewer words: their bar falls the way a headline's join threshold does, and again
            // once an earlier article bridged the same two stories, and further as bridges outnumber the smaller story (each bridge is
            // more evidence; full-text bars do not move).
            var bridges = CountBridge(survivor, story);
            var shortFactor = _options.MergeShortFactor * RepeatBridgeShare(bridges, Math.Min(survivor.Members.Count, story.Members.Count));
            var mergeAt = _options.MergeThreshold * ShortFactor(Math.Max(survivor.MeanTerms, story.MeanTerms), shortFactor);
            if (similarity < mergeAt)
            {
                why.Add(string.Create(CultureInfo.InvariantCulture,
                    $"not merged with story {story.Id}: the stories' similarity {similarity:0.000} < {mergeAt:0.000} (bridges {bridges}{(YearsApart(survivor, story) ? "; halved: one names a later year than any the other names" : "")})"));
                continue;
            }

            var (keep, drop) = survivor.Id < story.Id ? (survivor, story) : (story, survivor);
            keep.Absorb(drop, _options.CentroidCap, _featurizer.Terms);
            keep.Touched = _sequence;
            Drop(drop);
            Reindex(keep);
            FindStoryDetails(keep);
            merged.Add(drop.Id);
            why.Add(string.Create(CultureInfo.InvariantCulture,
                $"merged story {drop.Id} into story {keep.Id}: this article fits both, and the stories' similarity {similarity:0.000} ≥ {mergeAt:0.000} (key names: {Names(keep)}; {Names(drop)})"));
            survivor = keep;
        }

        return survivor;
    }

    // The share of the headline merge bar left after this many bridges: one step at the second, then, when BridgeEvidence is
    // set and at least as many articles have bridged the two stories as the smaller one holds, falling as 1 / bridges (each
    // bridge is one more article that fits both; a big story bridged now and then to a small one is not evidence of one event).
    private double RepeatBridgeShare(int bridges, int smaller)
    {
        if (bridges <= 1)
        {
            return 1;
        }

        return _options.BridgeEvidence > 0 && bridges >= smaller
            ? Math.Min(_options.RepeatBridgeFactor, _options.BridgeEvidence / bridges)
            : _options.RepeatBridgeFactor;
    }

    // Counts one more article that fits both stories; returns how many have so far (this one included).
    private int CountBridge(StoryState a, StoryState b)
    {
        var key = a.Id < b.Id ? (a.Id, b.Id) : (b.Id, a.Id);
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_bridges, key, out _);
        return ++count;
    }

    // Bridge counts only matter between active stories: the sweep forgets the others, so the table follows the window.
    private void ForgetBridges()
    {
        if (_bridges.Count == 0)
        {
            return;
        }

        var gone = new List<(long, long)>();
        foreach (var key in _bridges.Keys)
        {
            if (!_active.ContainsKey(key.Item1) || !_active.ContainsKey(key.Item2))
            {
                gone.Add(key);
            }
        }

        foreach (var key in gone)
        {
            _bridges.Remove(key);
        }
    }

    // The weighted cosine of two stories' sums, × the time factor of the gap between their spans, × the key-detail factor.
    private double StorySimilarity(StoryState a, StoryState b)
    {
        var terms = _featurizer.Terms;
        double text = 0, total = 0;
        for (var f = 0; f < DocumentVectors.FieldCount; f++)
        {
            var field = (StoryField)f;
            var norms = a.Norm(field, terms) * b.Norm(field, terms);
            if (norms <= 0)
            {
                continue;
            }

            total += _weights[f];
            text += _weights[f] * VectorMath.Dot(a[field], b[field], terms) / norms;
        }

        var score = total > 0 ? text / total : 0;
        if (YearsApart(a, b))
        {
            score *= _options.DetailConflictFactor;
        }

        if (a.Oldest is { } ao && a.Newest is { } an && b.Oldest is { } bo && b.Newest is { } bn)
        {
            var days = an < bo ? (bo - an).TotalDays : bn < ao ? (ao - bn).TotalDays : 0;
            var sigma = Math.Max(_options.TimeSigmaDays, 1e-6);
            score *= _options.TimeFloor + ((1 - _options.TimeFloor) * Math.Exp(-(days * days) / (2 * sigma * sigma)));
        }

        // One story told twice names the same people and places first: the strongest name of each is among the other's strongest.
        // Two events of one kind share names too, but lead with different ones (two hosts of one award, two injured players):
        // the score is halved when neither leads with a name the other stresses, and cut by a quarter when one does.
        if (a.DetailCount == 0 || b.DetailCount == 0)
        {
            return a.DetailCount == b.DetailCount ? score : score * _options.DetailConflictFactor;
        }

        var agree = (Array.IndexOf(b.Details, a.Details[0], 0, b.DetailCount) >= 0 ? 1 : 0) + (Array.IndexOf(a.Details, b.Details[0], 0, a.DetailCount) >= 0 ? 1 : 0);
        return score * (_options.DetailConflictFactor + ((1 - _options.DetailConflictFactor) * agree / 2));
    }

    private string Names(StoryState story)
        => story.DetailCount == 0 ? "none" : string.Join(", ", story.Details.Take(story.DetailCount).Select(k => StoryFeaturizer.Display(_featurizer.Terms.Name(k))));

    // Takes a story out of the pool and the index.
    private void Drop(StoryState story)
    {
        foreach (var key in story.IndexedKeys)
        {
            _postings.Remove(key, story.Slot);
        }

        _active.Remove(story.Id);
        _slots[story.Slot] = null;
        _freeSlots.Push(story.Slot);
    }
}

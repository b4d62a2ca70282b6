using Lede.Normalize;

namespace Lede.Cluster;

/// <summary>The related-coverage links of one story, kept as articles join it.</summary>
/// <remarks>
/// Links are symmetric (A lists B exactly when B lists A) and each article has at most <c>max</c> of them. A
/// joining article links to the story's articles in order of preference (other providers first, then better
/// quality, then closer in time); an article already full gives up its least preferred link when the newcomer
/// is strictly better for it. A join changes at most a few articles' lists, so a big story costs no more per
/// article than a small one. Not thread-safe.
/// </remarks>
public sealed class RelatedLinks(int max = RelatedLinks.DefaultMax)
{
    /// <value>Default: 5 related articles per article.</value>
    public const int DefaultMax = 5;

    private readonly Dictionary<ArticleId, StoryMember> _members = [];
    private readonly Dictionary<ArticleId, List<ArticleId>> _links = [];

    /// <summary>The story's articles.</summary>
    public IReadOnlyCollection<StoryMember> Members => _members.Values;

    /// <summary>The member held under <paramref name="id"/>.</summary>
    public StoryMember Member(ArticleId id) => _members[id];

    /// <summary>Takes an article with the links it already has (read back from the store); links to unknown articles are dropped.</summary>
    public void Restore(StoryMember member, IEnumerable<ArticleId> related)
    {
        _members[member.Id] = member;
        _links[member.Id] = [];
        foreach (var other in related.Where(id => _members.ContainsKey(id) && id != member.Id).Distinct())
        {
            if (_links[member.Id].Count < max && _links[other].Count < max && !_links[other].Contains(member.Id))
            {
                _links[member.Id].Add(other);
                _links[other].Add(member.Id);
            }
        }
    }

    /// <summary>Adds an article and returns every article whose list changed (the newcomer included).</summary>
    public IReadOnlySet<ArticleId> Join(StoryMember added)
    {
        var changed = new HashSet<ArticleId> { added.Id };
        if (_members.ContainsKey(added.Id))
        {
            return changed;
        }

        _members[added.Id] = added;
        _links[added.Id] = [];
        // A heap, not a sort: the walk usually stops after a few candidates, so a big story costs one pass, not n log n.
        var candidates = new PriorityQueue<StoryMember, (int, int, long, ulong)>(
            _members.Values.Where(m => m.Id != added.Id).Select(m => (m, Key(added, m))));
        while (max > 0 && _links[added.Id].Count < max && candidates.TryDequeue(out var candidate, out _))
        {

            var theirs = _links[candidate.Id];
            if (theirs.Count >= max)
            {
                var worst = theirs.Select(id => _members[id]).OrderBy(m => Key(candidate, m)).Last();
                if (Key(candidate, added).CompareTo(Key(candidate, worst)) >= 0)
                {
                    continue;
                }

                theirs.Remove(worst.Id);
                _links[worst.Id].Remove(candidate.Id);
                changed.Add(worst.Id);
            }

            theirs.Add(added.Id);
            _links[added.Id].Add(candidate.Id);
            changed.Add(candidate.Id);
        }

        return changed;
    }

    /// <summary>An article's related articles, most preferred first.</summary>
    public IReadOnlyList<ArticleId> Of(ArticleId id)
    {
        if (!_links.TryGetValue(id, out var links))
        {
            return [];
        }

        var self = _members[id];
        return links.Select(other => _members[other]).OrderBy(m => Key(self, m)).Select(m => m.Id).ToList();
    }

    /// <summary>How <paramref name="self"/> ranks <paramref name="other"/>: smaller is preferred.</summary>
    private static (int SameProvider, int Quality, long Gap, ulong Id) Key(StoryMember self, StoryMember other)
        => (string.Equals(self.ProviderDomain, other.ProviderDomain, StringComparison.OrdinalIgnoreCase) ? 1 : 0,
            -other.Quality,
            Math.Abs((other.Published - self.Published).Ticks),
            other.Id.Value);
}

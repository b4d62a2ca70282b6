using Lede.Normalize;

namespace Lede.Cluster;

/// <summary>Chooses each article's related coverage among the other articles of its story.</summary>
/// <remarks>
/// Links are symmetric (A lists B exactly when B lists A) and each article has at most <c>max</c> of them.
/// Pairs are taken greedily in order of preference, a pair only while both ends have room: pairs across
/// providers first, then better quality, then closer in time. Each list reads other providers first.
/// </remarks>
public static class RelatedPicker
{
    /// <value>Default: 5 related articles per article.</value>
    public const int DefaultMax = 5;

    /// <summary>The related articles of every member, keyed by id (members without any map to an empty list).</summary>
    public static IReadOnlyDictionary<ArticleId, IReadOnlyList<ArticleId>> Pick(IReadOnlyList<StoryMember> members, int max = DefaultMax)
    {
        var links = members.DistinctBy(m => m.Id).ToDictionary(m => m.Id, _ => new List<StoryMember>());
        var distinct = links.Keys.Select(id => members.First(m => m.Id == id)).OrderBy(m => m.Id.Value).ToList();
        if (max <= 0)
        {
            return links.ToDictionary(kv => kv.Key, IReadOnlyList<ArticleId> (_) => []);
        }

        var pairs = new List<(StoryMember A, StoryMember B)>();
        for (var i = 0; i < distinct.Count; i++)
        {
            for (var j = i + 1; j < distinct.Count; j++)
            {
                pairs.Add((distinct[i], distinct[j]));
            }
        }

        foreach (var (a, b) in pairs
                     .OrderBy(p => SameProvider(p.A, p.B) ? 1 : 0)
                     .ThenByDescending(p => p.A.Quality + p.B.Quality)
                     .ThenBy(p => Math.Abs((p.A.Published - p.B.Published).Ticks))
                     .ThenBy(p => p.A.Id.Value)
                     .ThenBy(p => p.B.Id.Value))
        {
            if (links[a.Id].Count < max && links[b.Id].Count < max)
            {
                links[a.Id].Add(b);
                links[b.Id].Add(a);
            }
        }

        return links.ToDictionary(kv => kv.Key, IReadOnlyList<ArticleId> (kv) =>
        {
            var self = distinct.First(m => m.Id == kv.Key);
            return kv.Value
                .OrderBy(m => SameProvider(self, m) ? 1 : 0)
                .ThenByDescending(m => m.Quality)
                .ThenBy(m => Math.Abs((m.Published - self.Published).Ticks))
                .ThenBy(m => m.Id.Value)
                .Select(m => m.Id)
                .ToList();
        });
    }

    private static bool SameProvider(StoryMember a, StoryMember b) => string.Equals(a.ProviderDomain, b.ProviderDomain, StringComparison.OrdinalIgnoreCase);
}

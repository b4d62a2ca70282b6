using Lede.Cluster;
using Lede.Normalize;
using Lede.Records;
using Lede.Score;

namespace Lede.Pipeline;

/// <summary>The articles of one active story as the curator holds them: their related links and the snapshots other records show of them.</summary>
internal sealed class StoryMembers(long storyId, int maxRelated)
{
    private readonly RelatedLinks _links = new(maxRelated);
    private readonly Dictionary<ArticleId, RelatedEntry> _snapshots = [];
    // Kept as members arrive (members only ever join), so the heat baseline costs nothing per article.
    private readonly HashSet<string> _providers = new(StringComparer.OrdinalIgnoreCase);
    private DateTime _oldest = DateTime.MaxValue;

    public long StoryId => storyId;

    public IReadOnlyCollection<StoryMember> All => _links.Members;

    /// <summary>The newest member's publication time.</summary>
    public DateTime Newest { get; private set; } = DateTime.MinValue;

    /// <summary>Adds a new article; returns the articles whose related lists changed (it included).</summary>
    public IReadOnlySet<ArticleId> Join(StoryMember member, RelatedEntry snapshot)
    {
        Remember(member, snapshot);
        var changed = _links.Join(member);
        Count(member);
        return changed;
    }

    /// <summary>Adds a stored article with the related links its record has.</summary>
    public void Restore(StoryMember member, RelatedEntry snapshot, IEnumerable<ArticleId> related)
    {
        Remember(member, snapshot);
        _links.Restore(member, related);
        Count(member);
    }

    /// <summary>Takes in the articles of a story merged into this one; returns the articles whose related lists changed (all of <paramref name="other"/>'s).</summary>
    /// <remarks>The same rule as joins: the other story's articles join this one as if they arrived now, oldest first.</remarks>
    public IReadOnlySet<ArticleId> Absorb(StoryMembers other)
    {
        var changed = new HashSet<ArticleId>();
        foreach (var member in other.All.OrderBy(m => m.Published).ThenBy(m => m.Id.Value).ToList())
        {
            changed.UnionWith(Join(member, other._snapshots[member.Id]));
        }

        return changed;
    }

    /// <summary>The related entries of an article, as its record shows them.</summary>
    public IReadOnlyList<RelatedEntry> RelatedOf(ArticleId id) => _links.Of(id).Select(other => _snapshots[other]).ToList();

    /// <summary>Providers and time span, for the heat baseline.</summary>
    public StoryActivity Activity() => new(_providers.Count, Newest - _oldest);

    /// <summary>Counts a member into the activity as the links hold it (a member joining twice keeps its first time).</summary>
    private void Count(StoryMember member)
    {
        var held = _links.Member(member.Id);
        _providers.Add(held.ProviderDomain);
        _oldest = held.Published < _oldest ? held.Published : _oldest;
    }

    private void Remember(StoryMember member, RelatedEntry snapshot)
    {
        _snapshots[member.Id] = snapshot;
        Newest = member.Published > Newest ? member.Published : Newest;
    }
}

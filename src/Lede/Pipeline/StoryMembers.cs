using Lede.Cluster;
using Lede.Normalize;
using Lede.Records;
using Lede.Score;

namespace Lede.Pipeline;

/// <summary>The articles of one active story as the curator holds them: who they are, their snapshots, and what was last written to each.</summary>
internal sealed class StoryMembers(long storyId)
{
    private readonly List<StoryMember> _all = [];
    private readonly Dictionary<ArticleId, RelatedEntry> _snapshots = [];
    private readonly Dictionary<ArticleId, (IReadOnlyList<ArticleId> Related, int Heat)> _written = [];

    public long StoryId => storyId;

    public IReadOnlyList<StoryMember> All => _all;

    /// <summary>The newest member's publication time.</summary>
    public DateTime Newest => _all.Count == 0 ? DateTime.MinValue : _all.Max(m => m.Published);

    public void Add(StoryMember member, RelatedEntry snapshot)
    {
        _all.RemoveAll(m => m.Id == member.Id);
        _all.Add(member);
        _snapshots[member.Id] = snapshot;
    }

    /// <summary>The snapshots of <paramref name="ids"/>, in that order.</summary>
    public IReadOnlyList<RelatedEntry> Entries(IReadOnlyList<ArticleId> ids) => ids.Select(id => _snapshots[id]).ToList();

    /// <summary>Remembers what was written to a member.</summary>
    public void Settle(ArticleId id, IReadOnlyList<ArticleId> related, int heat) => _written[id] = (related, heat);

    /// <summary>Whether a member's stored related list or heat differs from these.</summary>
    public bool Changed(ArticleId id, IReadOnlyList<ArticleId> related, int heat)
        => !_written.TryGetValue(id, out var written) || written.Heat != heat || !written.Related.SequenceEqual(related);

    /// <summary>Providers and time span, for the heat baseline.</summary>
    public StoryActivity Activity()
        => new(_all.Select(m => m.ProviderDomain).Distinct(StringComparer.OrdinalIgnoreCase).Count(), Newest - _all.Min(m => m.Published));
}

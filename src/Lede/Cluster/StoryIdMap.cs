namespace Lede.Cluster;

/// <summary>Follows story merges: the story an earlier assignment's id now belongs to.</summary>
/// <remarks>Feed it every <see cref="StoryAssignment"/> in the order they were made; ids never merged map to themselves.</remarks>
public sealed class StoryIdMap
{
    private readonly Dictionary<long, long> _into = [];

    /// <summary>Notes the merges an assignment reports.</summary>
    public void Record(StoryAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        foreach (var merged in assignment.Merged)
        {
            if (merged != assignment.StoryId)
            {
                _into[merged] = assignment.StoryId;
            }
        }
    }

    /// <summary>The story the id belongs to now, after every merge recorded so far.</summary>
    public long Resolve(long storyId)
    {
        var id = storyId;
        // A merge chain only grows towards earlier ids, so it ends; the guard keeps a broken caller from looping.
        for (var steps = 0; _into.TryGetValue(id, out var next) && next != id && steps < 1_000_000; steps++)
        {
            id = next;
        }

        return id;
    }
}

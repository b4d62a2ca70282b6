namespace Lede.Classify;

/// <summary>The topics a newsroom follows, with the parent links that make a child imply its parent.</summary>
/// <remarks>Names are unique (ordinal, case-sensitive) and parent links never form a cycle.</remarks>
public sealed partial class Taxonomy
{
    private readonly Dictionary<string, Topic> _byName;

    /// <summary>Builds a taxonomy; unknown parents and cycles are dropped (use <see cref="Parse"/> to hear about them).</summary>
    public Taxonomy(IEnumerable<Topic> topics)
    {
        _byName = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            _byName.TryAdd(topic.Name, topic);
        }

        foreach (var topic in _byName.Values.ToList())
        {
            if (topic.Parent is { } parent && (!_byName.ContainsKey(parent) || Cycles(topic.Name, parent)))
            {
                _byName[topic.Name] = topic with { Parent = null };
            }
        }

        Topics = [.. _byName.Values];
    }

    /// <summary>The topics in the order they were declared.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>The empty taxonomy: no rules, so only a learned model gives labels.</summary>
    public static Taxonomy Empty { get; } = new([]);

    /// <summary>The topic with this name, or null.</summary>
    public Topic? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The parent, grandparent, … of a topic, nearest first; empty for a root or an unknown name.</summary>
    public IReadOnlyList<string> Ancestors(string name)
    {
        var result = new List<string>();
        for (var t = Find(name); t?.Parent is { } parent && !result.Contains(parent) && parent != name; t = Find(parent))
        {
            result.Add(parent);
        }

        return result;
    }

    private bool Cycles(string name, string parent)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        for (string? p = parent; p is not null; p = _byName.GetValueOrDefault(p)?.Parent)
        {
            if (!seen.Add(p))
            {
                return true;
            }
        }

        return false;
    }
}

namespace Lede.Parse;

/// <summary>Shares the strings a feed repeats thousands of times (element names, short attribute values, indentation) instead of allocating each.</summary>
/// <remarks>One table per thread, so parsing stays lock-free; cleared when it grows past a bound so hostile names cannot fill memory.</remarks>
internal sealed class XmlNames
{
    /// <summary>Past this many distinct strings the table starts over.</summary>
    private const int MaxEntries = 8192;

    [ThreadStatic]
    private static XmlNames? _forThread;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private XmlNames() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The table of the calling thread.</summary>
    public static XmlNames ForThread() => _forThread ??= new XmlNames();

    /// <summary>Past this many distinct mixed-case names the lower-case table starts over.</summary>
    private const int MaxLowered = 256;

    /// <summary>Lower-case forms of the (shared) mixed-case names seen, by reference: "pubDate" is lowered once per thread, not per item.</summary>
    private readonly Dictionary<string, string> _lowered = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// <paramref name="name"/> in lower case (invariant culture), as <see cref="string.ToLowerInvariant()"/> gives it: the same instance when it
    /// has no upper-case letter, else a string shared on this thread, so readers can switch on element names without allocating.
    /// </summary>
    public static string Lower(string name)
    {
        foreach (var c in name)
        {
            if (c >= 128) return name.ToLowerInvariant();
            if (char.IsAsciiLetterUpper(c)) return ForThread().Lowered(name);
        }

        return name;
    }

    private string Lowered(string name)
    {
        if (_lowered.TryGetValue(name, out var lower)) return lower;
        if (_lowered.Count >= MaxLowered) _lowered.Clear();
        lower = name.ToLowerInvariant();
        _lowered.Add(name, lower);
        return lower;
    }

    /// <summary>The shared string equal to <paramref name="chars"/>.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (_lookup.TryGetValue(chars, out var existing)) return existing;
        if (_strings.Count >= MaxEntries) _strings.Clear();
        var s = chars.ToString();
        _strings.Add(s);
        return s;
    }
}

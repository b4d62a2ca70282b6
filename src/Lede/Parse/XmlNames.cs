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

namespace Lede.Parse;

/// <summary>
/// The characters one <see cref="XmlScanner"/> pass read and wrote: the decoded feed, then the text it had to rebuild
/// (references decoded, line ends normalized). Element text stays a slice of it until a reader asks for a string.
/// </summary>
/// <remarks>
/// A thread reuses its buffer for the next feed; <see cref="Version"/> changes then, and a slice of the previous feed
/// throws instead of reading the new one's characters.
/// </remarks>
internal sealed class XmlTextBuffer(int capacity)
{
    public char[] Chars { get; } = GC.AllocateUninitializedArray<char>(capacity);

    /// <summary>Changes each time the buffer is handed to a new pass.</summary>
    public int Version { get; private set; }

    public void Reuse() => Version++;

    /// <summary>The characters of a slice taken while the buffer was at <paramref name="version"/>.</summary>
    public ReadOnlySpan<char> Slice(int start, int length, int version)
    {
        if (version != Version) throw new InvalidOperationException("The XML text buffer was reused by a later feed; read element text before parsing the next one.");
        return Chars.AsSpan(start, length);
    }
}

namespace Lede.Benchmarks.Legacy;

/// <summary>(Frozen copy for <see cref="FrozenHtmlSanitizer"/>.) A growable character buffer a thread reuses from item to item: appends are plain copies, and only the final string is allocated.</summary>
/// <remarks>Unlike <see cref="System.Text.StringBuilder"/> the characters stay in one array, so trimming and copying out read a span.</remarks>
internal sealed class FrozenCharBuffer(int capacity = 4096)
{
    /// <summary>Past this capacity the array is given back after use: a rare huge item must not pin it for the thread's life.</summary>
    private const int MaxKept = 1 << 20;

    private char[] _chars = GC.AllocateUninitializedArray<char>(capacity);

    public int Length { get; private set; }

    /// <summary>The characters written so far.</summary>
    public ReadOnlySpan<char> Written => _chars.AsSpan(0, Length);

    public void Clear()
    {
        Length = 0;
        if (_chars.Length > MaxKept) _chars = GC.AllocateUninitializedArray<char>(capacity);
    }

    public FrozenCharBuffer Append(char c)
    {
        if (Length == _chars.Length) Grow(1);
        _chars[Length++] = c;
        return this;
    }

    public FrozenCharBuffer Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _chars.Length) Grow(text.Length);
        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
        return this;
    }

    public FrozenCharBuffer Append(string text) => Append(text.AsSpan());

    private void Grow(int more)
    {
        var next = GC.AllocateUninitializedArray<char>(Math.Max(_chars.Length * 2, Length + more));
        _chars.AsSpan(0, Length).CopyTo(next);
        _chars = next;
    }
}

using System.Runtime.CompilerServices;

namespace Lede.Text;

/// <summary>A growable character buffer a thread reuses from item to item: appends are plain copies, and only the final string is allocated.</summary>
/// <remarks>Unlike <see cref="System.Text.StringBuilder"/> the characters stay in one array, so trimming and copying out read a span.</remarks>
internal sealed class CharBuffer(int capacity = 4096)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CharBuffer Append(char c)
    {
        var length = Length;
        if ((uint)length >= (uint)_chars.Length) Grow(1);
        _chars[length] = c;
        Length = length + 1;
        return this;
    }

    /// <summary>Appends <paramref name="text"/>; the copy is inlined into the caller, the rare growth is not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CharBuffer Append(ReadOnlySpan<char> text)
    {
        var length = Length;
        if (text.Length > _chars.Length - length) Grow(text.Length);
        text.CopyTo(_chars.AsSpan(length));
        Length = length + text.Length;
        return this;
    }

    /// <summary>Appends a short string (markup the sanitizer writes: "&lt;/p&gt;", "&amp;amp;") character by character, without a call to a general copy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CharBuffer Append(string text)
    {
        var length = Length;
        if (text.Length > _chars.Length - length) Grow(text.Length);
        var chars = _chars.AsSpan(length, text.Length);
        if (text.Length <= 16)
        {
            for (var k = 0; k < chars.Length; k++) chars[k] = text[k];
        }
        else
        {
            text.CopyTo(chars);
        }

        Length = length + text.Length;
        return this;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int more)
    {
        var next = GC.AllocateUninitializedArray<char>(Math.Max(_chars.Length * 2, Length + more));
        _chars.AsSpan(0, Length).CopyTo(next);
        _chars = next;
    }
}

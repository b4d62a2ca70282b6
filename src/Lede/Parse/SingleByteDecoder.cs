using System.Collections.Concurrent;
using System.Text;

namespace Lede.Parse;

/// <summary>Decodes ASCII-compatible single-byte encodings (windows-1252, ISO-8859-x) with a 256-entry table.</summary>
/// <remarks>
/// The code-pages provider decodes a byte at a time through a general path; here the bytes are widened in vectorized
/// runs and only those the charset maps unlike ISO-8859-1 are looked up. Same characters as the encoding.
/// </remarks>
internal sealed class SingleByteDecoder
{
    private static readonly ConcurrentDictionary<int, SingleByteDecoder?> ByCodePage = new();

    private readonly char[] _high;

    // The bytes whose character differs from ISO-8859-1's (the byte value itself): 0x80-0x9F for windows-1252.
    private readonly byte _differsFrom;
    private readonly byte _differsTo;

    private SingleByteDecoder(char[] high)
    {
        _high = high;
        (_differsFrom, _differsTo) = (0xFF, 0x80);
        for (var b = 0x80; b <= 0xFF; b++)
        {
            if (high[b - 0x80] == b) continue;
            _differsFrom = (byte)Math.Min(_differsFrom, b);
            _differsTo = (byte)b;
        }
    }

    /// <summary>The decoder for <paramref name="encoding"/>, or null when it is not single-byte and ASCII-compatible.</summary>
    public static SingleByteDecoder? For(Encoding encoding) => ByCodePage.GetOrAdd(encoding.CodePage, _ => Build(encoding));

    private static SingleByteDecoder? Build(Encoding encoding)
    {
        if (!encoding.IsSingleByte) return null;
        var all = new byte[256];
        for (var b = 0; b < 256; b++) all[b] = (byte)b;
        var chars = encoding.GetChars(all);
        if (chars.Length != 256) return null;
        for (var b = 0; b < 0x80; b++)
        {
            if (chars[b] != b) return null;
        }

        return new SingleByteDecoder(chars[0x80..]);
    }

    public string GetString(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return "";
        var chars = new char[bytes.Length];
        GetChars(bytes, chars);
        return new string(chars);
    }

    /// <summary>Decodes into <paramref name="chars"/>, which holds at least as many characters as there are bytes.</summary>
    /// <remarks>
    /// Every byte is widened as ISO-8859-1 (one vectorized pass), then only the bytes this charset maps otherwise are looked
    /// up: in windows-1252 the curly quotes and dashes of 0x80-0x9F, while accented letters need nothing more.
    /// </remarks>
    public void GetChars(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        Encoding.Latin1.GetChars(bytes, chars);
        if (_differsFrom > _differsTo) return;
        var i = 0;
        while (i < bytes.Length)
        {
            var next = bytes[i..].IndexOfAnyInRange(_differsFrom, _differsTo);
            if (next < 0) return;
            i += next;
            chars[i] = _high[bytes[i] - 0x80];
            i++;
        }
    }
}

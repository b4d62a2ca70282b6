using System.Collections.Concurrent;
using System.Text;

namespace Lede.Parse;

/// <summary>Decodes ASCII-compatible single-byte encodings (windows-1252, ISO-8859-x) with a 256-entry table.</summary>
/// <remarks>
/// The code-pages provider decodes a byte at a time through a general path; a feed in windows-1252 is mostly ASCII,
/// which is copied in vectorized runs here, and only the bytes above 0x7F are looked up. Same characters as the encoding.
/// </remarks>
internal sealed class SingleByteDecoder
{
    private static readonly ConcurrentDictionary<int, SingleByteDecoder?> ByCodePage = new();

    private readonly char[] _high;

    private SingleByteDecoder(char[] high) => _high = high;

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
    public void GetChars(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var run = bytes[i..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            var length = run < 0 ? bytes.Length - i : run;
            if (length < 16)
            {
                // Accented words make short runs: widened in place, cheaper than a vectorized call each.
                for (var end = i + length; i < end; i++) chars[i] = (char)bytes[i];
            }
            else
            {
                System.Text.Ascii.ToUtf16(bytes.Slice(i, length), chars[i..], out _);
                i += length;
            }

            if (i < bytes.Length)
            {
                chars[i] = _high[bytes[i] - 0x80];
                i++;
            }
        }
    }
}

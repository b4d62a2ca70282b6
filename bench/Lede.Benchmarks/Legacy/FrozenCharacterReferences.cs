using System.Net;
using System.Text;

namespace Lede.Benchmarks.Legacy;

/// <summary>(Frozen copy for <see cref="FrozenHtmlSanitizer"/>.) HTML character references (<c>&amp;amp;</c>, <c>&amp;#58;</c>, <c>&amp;#x3A;</c>) read as the HTML5 tokenizer reads them.</summary>
/// <remarks>
/// Safety does not depend on knowing every name: an unknown reference stays literal text and is re-escaped on output,
/// so the browser sees exactly what the sanitizer checked. The names that matter for scheme tricks (Tab, NewLine, colon) are known.
/// </remarks>
internal static class FrozenCharacterReferences
{
    /// <summary>Names HTML5 decodes even without the semicolon, longest first so "&amp;nbsp" beats a shorter match.</summary>
    private static readonly string[] Legacy = ["nbsp", "quot", "copy", "amp", "reg", "lt", "gt"];

    /// <summary>windows-1252 meanings of numeric references 0x80-0x9F, as browsers read them.</summary>
    private static readonly char[] C1 =
    [
        '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008D', 'Ž', '\u008F',
        '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009D', 'ž', 'Ÿ',
    ];

    /// <summary>
    /// Reads the reference starting at the '&amp;' at <paramref name="at"/>; false (and the '&amp;' is just text) when there is none.
    /// In attribute values a name without ';' followed by a letter, digit or '=' stays text, as in browsers ("?a=1&amp;copy=2").
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> s, int at, bool attribute, out Rune value, out int end)
    {
        value = default;
        end = at + 1;
        if (end >= s.Length) return false;
        return s[end] == '#' ? TryReadNumber(s, at, out value, out end) : TryReadName(s, at, attribute, out value, out end);
    }

    private static bool TryReadNumber(ReadOnlySpan<char> s, int at, out Rune value, out int end)
    {
        value = default;
        var p = at + 2;
        var hex = p < s.Length && s[p] is 'x' or 'X';
        if (hex) p++;
        var start = p;
        long code = 0;
        while (p < s.Length && (hex ? char.IsAsciiHexDigit(s[p]) : char.IsAsciiDigit(s[p])))
        {
            // Saturate: a thousand digits must not overflow into a valid code point.
            code = Math.Min((code * (hex ? 16 : 10)) + HexValue(s[p]), 0x110000);
            p++;
        }

        end = p;
        if (p == start) return false;
        if (p < s.Length && s[p] == ';') end++;
        value = code switch
        {
            0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) => Rune.ReplacementChar,
            >= 0x80 and <= 0x9F => new Rune(C1[code - 0x80]),
            _ => new Rune((int)code),
        };
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool TryReadName(ReadOnlySpan<char> s, int at, bool attribute, out Rune value, out int end)
    {
        value = default;
        end = at + 1;
        var p = at + 1;
        while (p < s.Length && p - at <= 32 && char.IsAsciiLetterOrDigit(s[p])) p++;
        if (p == at + 1) return false;
        var name = s.Slice(at + 1, p - at - 1);
        if (p < s.Length && s[p] == ';' && TryName(name, out value))
        {
            end = p + 1;
            return true;
        }

        foreach (var legacy in Legacy)
        {
            if (!name.StartsWith(legacy, StringComparison.Ordinal)) continue;
            var after = at + 1 + legacy.Length;
            if (attribute && after < s.Length && (char.IsAsciiLetterOrDigit(s[after]) || s[after] == '=')) return false;
            TryName(legacy, out value);
            end = after;
            return true;
        }

        return false;
    }

    private static bool TryName(ReadOnlySpan<char> name, out Rune value)
    {
        // The common names and the HTML5 ones used to hide a scheme; the rest of HTML 4's set from WebUtility (rare in feeds).
        char? c = name switch
        {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u00A0',
            "Tab" => '\t',
            "NewLine" => '\n',
            "colon" => ':',
            "sol" => '/',
            "lpar" => '(',
            "rpar" => ')',
            "excl" => '!',
            "period" => '.',
            "comma" => ',',
            "semi" => ';',
            "equals" => '=',
            "num" => '#',
            "percnt" => '%',
            "quest" => '?',
            "bsol" => '\\',
            "grave" => '`',
            _ => null,
        };
        if (c is { } known)
        {
            value = new Rune(known);
            return true;
        }

        var decoded = WebUtility.HtmlDecode(string.Concat("&", name, ";"));
        if (decoded.Length > 0 && decoded[0] != '&' && Rune.DecodeFromUtf16(decoded, out value, out var used) == System.Buffers.OperationStatus.Done && used == decoded.Length)
        {
            return true;
        }

        value = default;
        return false;
    }
}

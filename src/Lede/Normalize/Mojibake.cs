using System.Text;

namespace Lede.Normalize;

/// <summary>Repairs UTF-8 text that was read as windows-1252 or latin-1 (<c>â€”</c> → <c>—</c>, <c>Ã©</c> → <c>é</c>), ftfy-style.</summary>
/// <remarks>
/// Works run by run: a lead character followed by the right number of continuation characters (by their
/// windows-1252 bytes) is re-decoded as UTF-8, and the result kept only when it is a plausible letter or symbol.
/// Correct text must come back unchanged: a run is fixed only when its bytes are valid UTF-8 and the decoded
/// character lies in a script block mojibake of real text produces (Latin, Greek, Cyrillic, Hebrew, Arabic,
/// punctuation, CJK, emoji…); two-byte runs that decode to rarer blocks (IPA, spacing modifiers) stay.
/// </remarks>
public static class Mojibake
{
    // Sloppy windows-1252: the five undefined bytes map to the same-numbered C1 controls, so every byte round-trips.
    private static readonly string High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
    private static readonly Dictionary<char, byte> ToByte = BuildReverse();
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <value>Default: 3 passes, enough for text encoded wrongly twice or three times.</value>
    public const int MaxPasses = 3;

    /// <summary>The repaired text; text without mojibake comes back as the same string.</summary>
    public static string Repair(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var current = text;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var next = RepairOnce(current);
            if (ReferenceEquals(next, current) || Badness(next) > Badness(current))
            {
                break;
            }

            current = next;
        }

        return current;
    }

    /// <summary>How much <paramref name="text"/> looks like mojibake: the number of fixable runs plus C1 controls.</summary>
    public static int Badness(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= '\u0080' and <= '\u009F')
            {
                count++;
            }

            if (TryRun(text, i, out var length, out _))
            {
                count++;
                i += length - 1;
            }
        }

        return count;
    }

    private static string RepairOnce(string text)
    {
        StringBuilder? sb = null;
        var copied = 0;
        var allowGlued = ForeignRuns(text) >= 2;
        for (var i = 0; i < text.Length; i++)
        {
            string? replacement = null;
            var length = 0;
            if (TryRun(text, i, out length, out var decoded, allowGlued))
            {
                replacement = decoded;
            }
            else if (text[i] == 'Ã' && i > 0 && char.IsLower(text[i - 1]) && i + 2 < text.Length && text[i + 1] == ' ' && char.IsLower(text[i + 2]))
            {
                // "voilÃ le": the 0xA0 of "à" became a plain space on the way (ftfy's restore_byte_a0).
                (replacement, length) = ("à ", 2);
            }

            if (replacement is null)
            {
                continue;
            }

            sb ??= new StringBuilder(text.Length);
            sb.Append(text, copied, i - copied).Append(replacement);
            copied = i + length;
            i += length - 1;
        }

        return sb is null ? text : sb.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Runs, not glued to an ASCII letter, that decode to letters of CJK, Indic and other scripts: a text with them is such mojibake.</summary>
    private static int ForeignRuns(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length && count < 2; i++)
        {
            if (TryRun(text, i, out var length, out var decoded, allowGlued: true))
            {
                if (length == 3 && char.IsLetter(decoded[0]) && decoded[0] is not (>= '\u1E00' and <= '\u1EFF') && !(i > 0 && char.IsAsciiLetter(text[i - 1])))
                {
                    count++;
                }

                i += length - 1;
            }
        }

        return count;
    }

    /// <summary>A UTF-8 sequence spelled in windows-1252 characters at <paramref name="start"/>, decoded.</summary>
    private static bool TryRun(string text, int start, out int length, out string decoded, bool allowGlued = false, bool capitalRule = true)
    {
        (length, decoded) = (0, "");
        if (start >= text.Length || !ToByte.TryGetValue(text[start], out var lead))
        {
            return false;
        }

        var needed = lead switch
        {
            >= 0xC2 and <= 0xDF => 1,
            >= 0xE0 and <= 0xEF => 2,
            >= 0xF0 and <= 0xF4 => 3,
            _ => 0,
        };
        if (needed == 0 || start + needed >= text.Length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = lead;
        for (var k = 1; k <= needed; k++)
        {
            if (start + k >= text.Length || !ToByte.TryGetValue(text[start + k], out var b) || b is < 0x80 or > 0xBF)
            {
                return false;
            }

            bytes[k] = b;
        }

        try
        {
            decoded = StrictUtf8.GetString(bytes[..(needed + 1)]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        length = needed + 1;

        // An accented Latin capital before a quote or dash inside capitals is ordinary text ("ÉTÉ’") unless a lowercase
        // letter touches it, as in "cÅ“ur", or it stands alone ("Ä‘" is đ) or next to another run, whatever that run's
        // own neighbours ("Å‚Å—Å‹" is łŗŋ); Â and Ã before such marks are only ever mojibake.
        if (capitalRule && needed == 1 && lead is >= 0xC4 and <= 0xC9 && IsQuoteOrDash(text[start + 1])
            && !(start > 0 && char.IsLower(text[start - 1])) && !(start + 2 < text.Length && char.IsLower(text[start + 2]))
            && ((start > 0 && char.IsLetter(text[start - 1])) || (start + 2 < text.Length && char.IsLetter(text[start + 2])))
            && !TryRun(text, start + 2, out _, out _, allowGlued, capitalRule: false) && !(start >= 2 && TryRun(text, start - 2, out _, out _, allowGlued, capitalRule: false)))
        {
            return false;
        }

        // A lowercase accented letter followed by two marks ("été…€", "café’½") also spells a rare CJK
        // character; mojibake of CJK or Indic text glued to an ASCII letter ("Appleã®ãƒ‹") comes with more of it, so the rule is off when the text has two or more such runs.
        if (needed == 2 && start > 0 && char.IsAsciiLetter(text[start - 1]) && char.IsLetter(decoded[0]) && decoded[0] is not (>= '\u1E00' and <= '\u1EFF')
            && !allowGlued)
        {
            return false;
        }

        return Plausible(decoded, needed);
    }

    private static bool IsQuoteOrDash(char c) => c is '‘' or '’' or '‚' or '“' or '”' or '„' or '–' or '—' or '…' or '«' or '»' or '‹' or '›';

    private static bool Plausible(string decoded, int continuation)
    {
        var c = char.ConvertToUtf32(decoded, 0);
        if (continuation >= 2)
        {
            // Three- and four-byte sequences spelled in windows-1252 never occur in real text; exclude only controls.
            return c is not (>= 0x80 and <= 0x9F) and not (>= 0xFFF0 and <= 0xFFFF);
        }

        return c is (>= 0xA0 and <= 0x24F) or (>= 0x370 and <= 0x3FF) or (>= 0x400 and <= 0x52F) or (>= 0x5D0 and <= 0x5EA) or (>= 0x620 and <= 0x64A) or (>= 0x660 and <= 0x669) or (>= 0x671 and <= 0x6D3);
    }

    private static Dictionary<char, byte> BuildReverse()
    {
        var map = new Dictionary<char, byte>(256);
        for (var b = 0; b < 256; b++)
        {
            var c = b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;
            map[c] = (byte)b;
        }

        // Latin-1 readings leave C1 controls where windows-1252 has letters; both spell the same bytes.
        for (var b = 0x80; b <= 0x9F; b++)
        {
            map.TryAdd((char)b, (byte)b);
        }

        return map;
    }
}

using System.Globalization;

namespace Lede.Parse;

/// <summary>Reads feed dates (RFC 822 and its usual deviations, ISO 8601 / RFC 3339 variants) as UTC.</summary>
public static class DateParser
{
    private static readonly Dictionary<string, int> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0,
        ["UTC"] = 0,
        ["GMT"] = 0,
        ["Z"] = 0,
        ["WET"] = 0,
        ["BST"] = 60,
        ["CET"] = 60,
        ["CEST"] = 120,
        ["MET"] = 60,
        ["MEST"] = 120,
        ["EET"] = 120,
        ["EEST"] = 180,
        ["MSK"] = 180,
        ["IST"] = 330,
        ["JST"] = 540,
        ["AEST"] = 600,
        ["AEDT"] = 660,
        ["NZST"] = 720,
        ["NZDT"] = 780,
        ["HST"] = -600,
        ["AKST"] = -540,
        ["AKDT"] = -480,
        ["EST"] = -300,
        ["EDT"] = -240,
        ["CST"] = -360,
        ["CDT"] = -300,
        ["MST"] = -420,
        ["MDT"] = -360,
        ["PST"] = -480,
        ["PDT"] = -420,
        ["AST"] = -240,
        ["ADT"] = -180,
        ["NST"] = -210,
        ["NDT"] = -150,
    };

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The instant as UTC, or null when the text is not a date this parser knows.</summary>
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        if (s.Length > 80) return null;
        return (s.Length >= 4 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[3]) ? ParseIso(s) : null) ?? Rfc1123(s) ?? ParseRfc822(s) ?? ParseIso(s);
    }

    /// <summary>
    /// As <see cref="Parse(string?)"/>, reading the text where it lies: the common forms (ISO 8601 and canonical RFC 1123) make
    /// no string; any other text is read by <see cref="Parse(string?)"/> from a string of it, so the result is always the same.
    /// </summary>
    internal static DateTime? Parse(ReadOnlySpan<char> text)
    {
        var s = text.Trim();
        if (s.IsEmpty || s.Length > 80) return null;
        if (s.Length >= 4 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[3]) && ParseIso(s) is { } iso) return iso;
        return Rfc1123(s) ?? Parse(s.ToString());
    }

    /// <summary>
    /// The canonical RFC 1123 form most feeds write, "Mon, 02 Jan 2006 15:04:05 GMT" (or "+hhmm"), read in place without
    /// splitting it into words; null for anything else, which <see cref="ParseRfc822"/> then reads as it always has.
    /// </summary>
    private static DateTime? Rfc1123(ReadOnlySpan<char> s)
    {
        if (s.Length is not (29 or 31) || s[3] != ',' || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' '
            || s[19] != ':' || s[22] != ':' || s[25] != ' ' || !char.IsAsciiLetter(s[0]) || !char.IsAsciiLetter(s[1])
            || !char.IsAsciiLetter(s[2]))
        {
            return null;
        }

        var p = 5;
        if (!Digits(s, ref p, 2, out var day)) return null;
        var month = MonthOf(s.Slice(8, 3));
        p = 12;
        if (month < 0 || MonthOf(s[..3]) >= 0 || !Digits(s, ref p, 4, out var year)) return null;
        p = 17;
        if (!Digits(s, ref p, 2, out var hour)) return null;
        p = 20;
        if (!Digits(s, ref p, 2, out var minute)) return null;
        p = 23;
        if (!Digits(s, ref p, 2, out var second)) return null;
        int offset;
        if (s.Length == 29)
        {
            if (!s[26..].Equals("GMT", StringComparison.OrdinalIgnoreCase) && !s[26..].Equals("UTC", StringComparison.OrdinalIgnoreCase)) return null;
            offset = 0;
        }
        else
        {
            p = 27;
            if (s[26] is not ('+' or '-') || !Digits(s, ref p, 2, out var oh) || !Digits(s, ref p, 2, out var om)) return null;
            offset = (s[26] == '-' ? -1 : 1) * ((oh * 60) + om);
        }

        return day < 1 ? null : Build(year, month + 1, day, hour, minute, second, offset);
    }

    /// <summary>yyyy[-mm[-dd[(T| )hh:mm[:ss[.f…]][Z|±hh[:mm]]]]], separators optional as in ISO 8601 basic format.</summary>
    private static DateTime? ParseIso(ReadOnlySpan<char> s)
    {
        var p = 0;
        if (!Digits(s, ref p, 4, out var year)) return null;
        int month = 1, day = 1, hour = 0, minute = 0, second = 0, offset = 0;
        long fractionTicks = 0;
        if (p < s.Length)
        {
            // "2001/04/13" is the same date written with slashes, as some generators do.
            var separator = s[p] == '/' ? '/' : '-';
            Skip(s, ref p, separator);
            if (!Digits(s, ref p, 2, out month)) return null;
            if (p < s.Length)
            {
                Skip(s, ref p, separator);
                if (!Digits(s, ref p, 2, out day)) return null;
            }
        }

        if (p < s.Length)
        {
            if (s[p] is not ('T' or 't' or ' ')) return null;
            while (p < s.Length && s[p] is 'T' or 't' or ' ') p++;
            if (!Digits(s, ref p, 2, out hour)) return null;
            Skip(s, ref p, ':');
            if (!Digits(s, ref p, 2, out minute)) return null;
            if (p < s.Length && (s[p] == ':' || char.IsAsciiDigit(s[p])))
            {
                Skip(s, ref p, ':');
                if (!Digits(s, ref p, 2, out second)) return null;
                if (p < s.Length && s[p] is '.' or ',')
                {
                    p++;
                    var start = p;
                    long scale = TimeSpan.TicksPerSecond;
                    while (p < s.Length && char.IsAsciiDigit(s[p]))
                    {
                        scale /= 10;
                        fractionTicks += (s[p] - '0') * scale;
                        p++;
                    }

                    if (p == start) return null;
                }
            }

            while (p < s.Length && s[p] == ' ') p++;
            if (p < s.Length)
            {
                if (s[p] is 'Z' or 'z' && p == s.Length - 1) p++;
                else if (s[p] is '+' or '-')
                {
                    var sign = s[p] == '-' ? -1 : 1;
                    p++;
                    if (!Digits(s, ref p, 2, out var oh)) return null;
                    var om = 0;
                    if (p < s.Length)
                    {
                        Skip(s, ref p, ':');
                        if (!Digits(s, ref p, 2, out om)) return null;
                    }

                    offset = sign * ((oh * 60) + om);
                }
            }
        }

        return p != s.Length ? null : Build(year, month, day, hour, minute, second, offset)?.AddTicks(fractionTicks);
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int p, int count, out int value)
    {
        value = 0;
        if (p + count > s.Length) return false;
        for (var k = 0; k < count; k++)
        {
            var c = s[p + k];
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }

        p += count;
        return true;
    }

    private static void Skip(ReadOnlySpan<char> s, ref int p, char c)
    {
        if (p < s.Length && s[p] == c) p++;
    }

    /// <summary>RFC 822 read word by word, with its deviations (internal: the oracle the in-place RFC 1123 reading is tested against).</summary>
    internal static DateTime? ParseRfc822(string s)
    {
        var tokens = Tokens(s);
        var t = 0;
        // A day name, right or wrong, says nothing the date does not.
        if (t < tokens.Count && char.IsAsciiLetter(tokens[t][0]) && MonthOf(tokens[t]) < 0) t++;
        if (tokens.Count - t < 3) return null;
        // asctime: "Apr 13 19:23:02 [UTC] 2001" puts the year last; move it where RFC 822 has it.
        if (MonthOf(tokens[t]) >= 0 && tokens[t + 2].Contains(':', StringComparison.Ordinal) && tokens[^1].Length == 4 && AllDigits(tokens[^1]))
        {
            tokens.Insert(t + 2, tokens[^1]);
            tokens.RemoveAt(tokens.Count - 1);
        }

        int day, month;
        if (MonthOf(tokens[t]) is var m1 && m1 >= 0 && char.IsAsciiDigit(tokens[t + 1][0]))
        {
            // "Jan 02 2004 ..." (asctime-like order)
            month = m1;
            day = Int(tokens[t + 1].TrimEnd('.'));
        }
        else
        {
            day = Int(tokens[t].TrimEnd('.'));
            month = MonthOf(tokens[t + 1]);
        }

        var yearText = tokens[t + 2];
        if (month < 0 || day < 1 || yearText.Length is not (2 or 4) || !AllDigits(yearText)) return null;
        var year = Int(yearText);
        if (yearText.Length == 2) year += year < 50 ? 2000 : 1900;
        t += 3;
        int hour = 0, minute = 0, second = 0;
        if (t < tokens.Count && tokens[t].Contains(':', StringComparison.Ordinal))
        {
            var parts = tokens[t].Split(':');
            if (parts.Length < 2 || !Array.TrueForAll(parts, p => p.Length is 1 or 2 && AllDigits(p))) return null;
            hour = Int(parts[0]);
            minute = Int(parts[1]);
            second = parts.Length > 2 ? Int(parts[2]) : 0;
            t++;
        }

        var offset = 0;
        if (t < tokens.Count && ZoneOffset(tokens[t]) is { } z) offset = z;
        else if (t < tokens.Count && tokens[t].AsSpan().ContainsAnyExcept(Letters)) return null;
        return Build(year, month + 1, day, hour, minute, second, offset);
    }

    /// <summary>Words of an RFC 822 date; RFC 850's "13-Apr-01" (HTTP's old date form) counts as three.</summary>
    private static List<string> Tokens(string s)
    {
        var tokens = new List<string>(8);
        foreach (var token in s.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = token.Split('-');
            if (parts.Length == 3 && parts[0].Length is 1 or 2 && AllDigits(parts[0]) && MonthOf(parts[1]) >= 0 && parts[2].Length is 2 or 4 && AllDigits(parts[2]))
            {
                tokens.AddRange(parts);
            }
            else
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    private static int? ZoneOffset(string z)
    {
        if (Zones.TryGetValue(z, out var minutes)) return minutes;
        if (z.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || z.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            z = z[3..];
        }

        if (z.Length >= 2 && z[0] is '+' or '-')
        {
            var digits = z[1..].Replace(":", "", StringComparison.Ordinal);
            if (!AllDigits(digits) || digits.Length is 0 or 3 or > 4) return null;
            var value = digits.Length <= 2 ? Int(digits) * 60 : (Int(digits[..^2]) * 60) + Int(digits[^2..]);
            return z[0] == '-' ? -value : value;
        }

        if (z.Length == 1 && char.IsAsciiLetter(z[0]))
        {
            // RFC 822 military zones: A..I, K..M are -1..-12; N..Y are +1..+12; J is unused.
            var c = char.ToUpperInvariant(z[0]);
            return c switch
            {
                >= 'A' and <= 'I' => -(c - 'A' + 1) * 60,
                >= 'K' and <= 'M' => -(c - 'K' + 10) * 60,
                >= 'N' and <= 'Y' => (c - 'N' + 1) * 60,
                _ => 0,
            };
        }

        return null;
    }

    private static int MonthOf(string token) => MonthOf(token.AsSpan());

    private static int MonthOf(ReadOnlySpan<char> token)
    {
        if (token.Length < 3) return -1;
        for (var m = 0; m < Months.Length; m++)
        {
            if (token[..3].Equals(Months[m], StringComparison.OrdinalIgnoreCase)) return m;
        }

        return -1;
    }

    private static DateTime? Build(int year, int month, int day, int hour, int minute, int second, int offsetMinutes)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 60)
        {
            return null;
        }

        // In ticks: an offset or hour 24 that carries past the year 9999 or before the year 1 is no date, not an exception.
        var ticks = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).Ticks + (hour * TimeSpan.TicksPerHour)
            + (minute * TimeSpan.TicksPerMinute) + (Math.Min(second, 59) * TimeSpan.TicksPerSecond) - (offsetMinutes * TimeSpan.TicksPerMinute);
        return ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks ? null : new DateTime(ticks, DateTimeKind.Utc);
    }

    private static bool AllDigits(string s) => !s.AsSpan().ContainsAnyExceptInRange('0', '9');

    private static int Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Lede.Records;

/// <summary>The one-line YAML scalars the record format uses: double-quoted and plain.</summary>
internal static partial class YamlScalar
{
    /// <summary>Writes <paramref name="value"/> as a YAML double-quoted scalar.</summary>
    /// <remarks>
    /// Only <c>"</c>, <c>\</c> and characters YAML does not print as themselves are escaped; every other
    /// character (é, ‘, –, emoji, right-to-left text) is written as itself, as FORMAT.md requires.
    /// </remarks>
    public static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
                continue;
            }

            var escape = Escape(c);
            if (escape is null)
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(escape);
            }
        }

        sb.Append('"');
    }

    /// <summary>Writes a value plain, or double-quoted when YAML would read it plain as something else.</summary>
    public static void AppendPlainOrQuoted(StringBuilder sb, string value)
    {
        if (NeedsQuotes(value))
        {
            AppendQuoted(sb, value);
        }
        else
        {
            sb.Append(value);
        }
    }

    /// <summary>True when a plain scalar would not read back as this same string.</summary>
    public static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return true;
        }

        // YAML indicators may not start a plain scalar (some may, before a non-space, but quoting is never wrong).
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal))
        {
            return true;
        }

        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)
            || value.EndsWith(':') || value.Contains('\t', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var c in value)
        {
            if (Escape(c) is not null || char.IsSurrogate(c))
            {
                return true;
            }
        }

        // Words and numbers that YAML 1.1 or 1.2 resolves to null, booleans, numbers or timestamps.
        return ReservedWord().IsMatch(value) || NumberLike().IsMatch(value) || TimestampLike().IsMatch(value);
    }

    /// <summary>The escape sequence for a character YAML cannot hold as itself, or null when it can.</summary>
    private static string? Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\0' => "\\0",
        '\a' => "\\a",
        '\b' => "\\b",
        '\t' => "\\t",
        '\n' => "\\n",
        '\v' => "\\v",
        '\f' => "\\f",
        '\r' => "\\r",
        '\u001b' => "\\e",
        '\u0085' => "\\N",
        '\u2028' => "\\L",
        '\u2029' => "\\P",
        < ' ' or '\u007f' or (>= '\u0080' and <= '\u009f') => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
        // Lone surrogates, the BOM and the two non-characters are outside YAML's printable set.
        '\ufeff' or '\ufffe' or '\uffff' or (>= '\ud800' and <= '\udfff') => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Reads a double-quoted scalar that starts at <paramref name="start"/>; returns the index after its closing quote.</summary>
    /// <exception cref="FormatException">The scalar is unterminated or has an unknown escape; the message says which.</exception>
    public static string ReadQuoted(string line, int start, out int end)
    {
        var sb = new StringBuilder(line.Length - start);
        for (var i = start + 1; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                end = i + 1;
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (++i >= line.Length)
            {
                break;
            }

            i = AppendUnescaped(sb, line, i);
        }

        throw new FormatException("expected a closing '\"' on the same line");
    }

    private static int AppendUnescaped(StringBuilder sb, string line, int i)
    {
        var simple = line[i] switch
        {
            '0' => "\0",
            'a' => "\a",
            'b' => "\b",
            't' or '\t' => "\t",
            'n' => "\n",
            'v' => "\v",
            'f' => "\f",
            'r' => "\r",
            'e' => "\u001b",
            ' ' => " ",
            '"' => "\"",
            '/' => "/",
            '\\' => "\\",
            'N' => "\u0085",
            '_' => "\u00a0",
            'L' => "\u2028",
            'P' => "\u2029",
            _ => null,
        };
        if (simple is not null)
        {
            sb.Append(simple);
            return i;
        }

        var digits = line[i] switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits == 0)
        {
            throw new FormatException($"unknown escape '\\{line[i]}' in a double-quoted value");
        }

        if (i + digits >= line.Length
            || !uint.TryParse(line.AsSpan(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF)
        {
            throw new FormatException($"expected {digits} hex digits after '\\{line[i]}'");
        }

        if (code <= 0xFFFF)
        {
            sb.Append((char)code);
        }
        else
        {
            sb.Append(char.ConvertFromUtf32((int)code));
        }

        return i + digits;
    }

    /// <summary>Reads a single-quoted scalar (<c>''</c> is a quote) that starts at <paramref name="start"/>.</summary>
    public static string ReadSingleQuoted(string line, int start, out int end)
    {
        var sb = new StringBuilder();
        for (var i = start + 1; i < line.Length; i++)
        {
            if (line[i] != '\'')
            {
                sb.Append(line[i]);
            }
            else if (i + 1 < line.Length && line[i + 1] == '\'')
            {
                sb.Append('\'');
                i++;
            }
            else
            {
                end = i + 1;
                return sb.ToString();
            }
        }

        throw new FormatException("expected a closing \"'\" on the same line");
    }

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|=|<<)$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex ReservedWord();

    [GeneratedRegex(@"^[-+]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|\.(inf|Inf|INF))$|^\.(nan|NaN|NAN)$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex TimestampLike();
}

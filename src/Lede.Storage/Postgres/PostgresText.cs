using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Lede.Storage.Postgres;

/// <summary>Escapes text so that PostgreSQL can hold every .NET string exactly: U+0000 and lone surrogates included.</summary>
/// <remarks>
/// PostgreSQL text cannot hold U+0000 nor invalid UTF-16 (a lone surrogate); records can. ESC (U+001B) introduces an
/// escape: ESC ESC is ESC, ESC <c>0</c> is U+0000, ESC <c>u</c> and four hex digits a lone surrogate. Any other text is
/// stored as it is, so ordinary text reads the same in SQL, and equal strings stay equal (the escape is one-to-one).
/// </remarks>
internal static class PostgresText
{
    private const char Escape = '\u001b';

    [return: NotNullIfNotNull(nameof(text))]
    public static string? Encode(string? text)
    {
        if (text is null || !NeedsEscape(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Escape)
            {
                builder.Append(Escape).Append(Escape);
            }
            else if (c == '\0')
            {
                builder.Append(Escape).Append('0');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append(Escape).Append('u').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string[] EncodeAll(IEnumerable<string> texts) => texts.Select(t => Encode(t)).ToArray();

    [return: NotNullIfNotNull(nameof(text))]
    public static string? Decode(string? text)
    {
        if (text is null || !text.Contains(Escape, StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != Escape || i + 1 == text.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = text[i + 1];
            if (next == Escape)
            {
                builder.Append(Escape);
                i++;
            }
            else if (next == '0')
            {
                builder.Append('\0');
                i++;
            }
            else if (next == 'u' && i + 5 < text.Length
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 5;
            }
            else
            {
                // Not an escape Lede wrote (a row written by other means): keep it as it is.
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        foreach (var c in text)
        {
            if (c is Escape or '\0' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Lede.Text;

namespace Lede.Parse;

/// <summary>Tolerant reads from a forward-only JSON reader: a value of the wrong type is absent, never an exception.</summary>
/// <remarks>
/// Each read starts on a value token (just after its property name) and leaves the reader on that value's last token, so
/// a caller's loop goes on with <see cref="Utf8JsonReader.Read"/>: an object or array where a string was wanted is skipped whole.
/// </remarks>
internal static class JsonValues
{
    /// <summary>Past this nesting a JSON document is hostile, not a feed.</summary>
    private const int MaxDepth = 64;

    public static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Moves from a property name to its value; a document that ends there is malformed.</summary>
    public static void ToValue(ref Utf8JsonReader r)
    {
        if (!r.Read()) throw new JsonException("the document ends after a property name");
    }

    /// <summary>The next property of the object being read; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader r)
    {
        if (!r.Read()) throw new JsonException("the document ends inside an object");
        return r.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>The next element of the array being read; false at its end.</summary>
    public static bool NextElement(ref Utf8JsonReader r)
    {
        if (!r.Read()) throw new JsonException("the document ends inside an array");
        return r.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>A string value trimmed (null when empty), a number as written, anything else null.</summary>
    public static string? Str(ref Utf8JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return Trimmed(r.ValueSpan, r.ValueIsEscaped);
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(r.ValueSpan);
            default:
                r.Skip();
                return null;
        }
    }

    /// <summary>An integer value, or a string holding a non-negative one; anything else null.</summary>
    public static long? Long(ref Utf8JsonReader r)
        => r.TokenType == JsonTokenType.Number && Utf8Parser.TryParse(r.ValueSpan, out long l, out var used) && used == r.ValueSpan.Length ? l
            : ReadContext.Long(Str(ref r));

    public static int? Int(ref Utf8JsonReader r)
        => Long(ref r) is { } l && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    /// <summary>An HTML value left where it lies in the document, to be sanitized once its base URL is known.</summary>
    public static JsonHtml? Html(ref Utf8JsonReader r)
        => r.TokenType == JsonTokenType.String
            ? new JsonHtml(null, null, checked(JsonSkips.Base + (int)r.TokenStartIndex + 1), r.ValueSpan.Length, r.ValueIsEscaped)
            : Str(ref r) is { } text ? new JsonHtml(text, null, -1, 0, false) : null;

    /// <summary>The HTML value of the property just read (<see cref="ToValue"/> then <see cref="Html"/>), a long escaped string read past and unescaped by <see cref="JsonSkips"/>.</summary>
    public static JsonHtml? HtmlValue(ref Utf8JsonReader r)
    {
        if (JsonSkips.TrySkipString(ref r, out var chars, out var start, out var length)) return JsonHtml.Unescaped(chars, start, length);
        ToValue(ref r);
        return Html(ref r);
    }

    /// <summary>Strings, or objects whose "name" (else "title") is one; each kept once, trimmed.</summary>
    public static List<string> Strings(ref Utf8JsonReader r)
    {
        var list = new List<string>();
        if (r.TokenType != JsonTokenType.StartArray)
        {
            r.Skip();
            return list;
        }

        while (NextElement(ref r))
        {
            string? s;
            if (r.TokenType == JsonTokenType.StartObject)
            {
                string? name = null, title = null;
                while (NextProperty(ref r))
                {
                    if (r.ValueTextEquals("name"u8)) name = Value(ref r);
                    else if (r.ValueTextEquals("title"u8)) title = Value(ref r);
                    else Skip(ref r);
                }

                s = name ?? title;
            }
            else
            {
                s = Str(ref r);
            }

            if (s is not null && !list.Contains(s)) list.Add(s.Trim());
        }

        return list;
    }

    /// <summary>The value of the property just read, as <see cref="Str"/> reads it.</summary>
    public static string? Value(ref Utf8JsonReader r)
    {
        if (JsonSkips.TrySkipString(ref r, out var chars, out var start, out var length))
        {
            // The characters are only needed for this string: given back at once.
            var value = TrimmedString(chars.AsSpan(start, length));
            JsonSkips.Release(start);
            return value;
        }

        ToValue(ref r);
        return Str(ref r);
    }

    /// <summary>Skips the value of the property just read, whatever it is.</summary>
    public static void Skip(ref Utf8JsonReader r)
    {
        ToValue(ref r);
        r.Skip();
    }

    [ThreadStatic]
    private static char[]? _htmlBuffer;

    [ThreadStatic]
    private static char[]? _textBuffer;

    /// <summary>A string's raw UTF-8 read (escapes too; a lone surrogate becomes U+FFFD instead of an exception), trimmed, null when empty.</summary>
    private static string? Trimmed(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!escaped)
        {
            // Most strings: decoded straight into the string, trimmed only when an end is whitespace.
            if (raw.IsEmpty) return null;
            var s = Encoding.UTF8.GetString(raw);
            return char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]) ? ReadContext.NullIfEmpty(s) : s;
        }

        var buffer = _textBuffer;
        if (buffer is null || buffer.Length < raw.Length) buffer = new char[Math.Max(raw.Length, 1024)];
        var result = TrimmedString(buffer.AsSpan(0, Unescape(raw, buffer)));
        _textBuffer = buffer.Length <= 1 << 20 ? buffer : _textBuffer;
        return result;
    }

    private static string? TrimmedString(ReadOnlySpan<char> chars)
    {
        var text = chars.Trim();
        return text.IsEmpty ? null : new string(text);
    }

    /// <summary>The value as sanitized HTML, read where it lies: unescaped already, or unescaped from the document into a buffer the thread reuses instead of a string of its own.</summary>
    public static string? Sanitize(JsonHtml? html, ReadOnlySpan<byte> document, string? baseUrl)
    {
        if (html is not { } h) return null;
        if (h.Text is not null) return HtmlSanitizer.Sanitize(h.Text, baseUrl);
        if (h.Chars is not null) return HtmlSanitizer.Sanitize(h.Chars.AsSpan(h.Start, h.Length), baseUrl);
        var raw = document.Slice(h.Start, h.Length);
        // A JSON string never unescapes to more UTF-16 characters than it has bytes.
        var buffer = _htmlBuffer;
        if (buffer is null || buffer.Length < raw.Length) buffer = new char[Math.Max(raw.Length, 16 * 1024)];
        var length = h.Escaped ? Unescape(raw, buffer) : Encoding.UTF8.GetChars(raw, buffer);
        var sanitized = HtmlSanitizer.Sanitize(buffer.AsSpan(0, length), baseUrl);
        // A rare huge item must not pin its buffer for the thread's life.
        _htmlBuffer = buffer.Length <= 1 << 20 ? buffer : _htmlBuffer;
        return sanitized;
    }

    /// <summary>The value as <see cref="Str"/> would have read it (unsanitized), for the rare reader that needs the raw text.</summary>
    public static string? Plain(JsonHtml? html, ReadOnlySpan<byte> document)
    {
        if (html is not { } h) return null;
        if (h.Text is not null) return h.Text;
        if (h.Chars is not null) return TrimmedString(h.Chars.AsSpan(h.Start, h.Length));
        return Trimmed(document.Slice(h.Start, h.Length), h.Escaped);
    }

    /// <summary>
    /// The characters of a JSON string's raw UTF-8 (quotes removed, already validated by the reader) with its escapes read;
    /// a lone surrogate becomes U+FFFD. Unlike the reader's own unescaping, nothing is rented and cleared per string.
    /// </summary>
    internal static int Unescape(ReadOnlySpan<byte> raw, Span<char> chars)
    {
        var n = 0;
        while (true)
        {
            // The short ASCII runs between dense escapes ("\u003Cp\u003E") are widened here byte by byte; a longer or
            // non-ASCII run goes to a vectorized search and the decoder.
            var k = 0;
            while (k < raw.Length && k < 16 && raw[k] < 0x80 && raw[k] != '\\')
            {
                chars[n + k] = (char)raw[k];
                k++;
            }

            n += k;
            raw = raw[k..];
            if (raw.IsEmpty) return n;
            if (raw[0] != '\\')
            {
                var backslash = raw.IndexOf((byte)'\\');
                var run = backslash < 0 ? raw : raw[..backslash];
                n += Encoding.UTF8.GetChars(run, chars[n..]);
                raw = raw[run.Length..];
                if (raw.IsEmpty) return n;
            }

            if (raw.Length < 2) return n;
            var escape = raw[1];
            raw = raw[2..];
            if (escape != (byte)'u')
            {
                chars[n++] = escape switch
                {
                    (byte)'n' => '\n',
                    (byte)'t' => '\t',
                    (byte)'r' => '\r',
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    _ => (char)escape,
                };
                continue;
            }

            if (!TryHex4(raw, out var unit)) return n;
            raw = raw[4..];
            if (!char.IsSurrogate(unit))
            {
                chars[n++] = unit;
            }
            else if (char.IsHighSurrogate(unit) && raw.Length >= 6 && raw[0] == (byte)'\\' && raw[1] == (byte)'u'
                     && TryHex4(raw[2..], out var low) && char.IsLowSurrogate(low))
            {
                chars[n++] = unit;
                chars[n++] = low;
                raw = raw[6..];
            }
            else
            {
                chars[n++] = '\uFFFD';
            }
        }
    }

    private static bool TryHex4(ReadOnlySpan<byte> hex, out char unit)
    {
        unit = '\0';
        if (hex.Length < 4) return false;
        var value = 0;
        foreach (var b in hex[..4])
        {
            if (!char.IsAsciiHexDigit((char)b)) return false;
            value = (value << 4) | (b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10);
        }

        unit = (char)value;
        return true;
    }
}

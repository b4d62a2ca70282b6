using System.Runtime.InteropServices;
using System.Text.Json;
using Lede.Parse;
using Lede.Text;

namespace Lede.Tests.Parse.Legacy;

/// <summary>The DOM-based reader before the forward-only rewrite, kept as the oracle the new one is compared with. Tolerant reads from JSON: a value of the wrong type is absent, never an exception.</summary>
internal static class LegacyJsonValues
{
    public static string? Str(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? AsString(v) : null;

    public static string? AsString(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => ReadContext.NullIfEmpty(v.GetString()),
        JsonValueKind.Number => v.GetRawText(),
        _ => null,
    };

    [ThreadStatic]
    private static char[]? _htmlBuffer;

    /// <summary>The string property <paramref name="name"/> as sanitized HTML, unescaped into a buffer the thread reuses instead of a string of its own.</summary>
    public static string? Html(JsonElement e, string name, string? baseUrl)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String) return HtmlSanitizer.Sanitize(AsString(v), baseUrl);
        var raw = JsonMarshal.GetRawUtf8Value(v);
        if (raw.Length >= 2 && raw[0] == (byte)'"') raw = raw[1..^1];
        // A JSON string never unescapes to more UTF-16 characters than it has bytes.
        var buffer = _htmlBuffer;
        if (buffer is null || buffer.Length < raw.Length) buffer = new char[Math.Max(raw.Length, 16 * 1024)];
        var length = Unescape(raw, buffer);
        var html = HtmlSanitizer.Sanitize(buffer.AsSpan(0, length), baseUrl);
        // A rare huge item must not pin its buffer for the thread's life.
        _htmlBuffer = buffer.Length <= 1 << 20 ? buffer : _htmlBuffer;
        return html;
    }

    /// <summary>
    /// The characters of a JSON string's raw UTF-8 (quotes removed, already validated by the parser) with its escapes read;
    /// a lone surrogate becomes U+FFFD. Unlike the reader's own unescaping, nothing is rented and cleared per string.
    /// </summary>
    internal static int Unescape(ReadOnlySpan<byte> raw, Span<char> chars)
    {
        var n = 0;
        while (true)
        {
            var backslash = raw.IndexOf((byte)'\\');
            n += System.Text.Encoding.UTF8.GetChars(backslash < 0 ? raw : raw[..backslash], chars[n..]);
            if (backslash < 0 || backslash + 1 >= raw.Length) return n;
            var escape = raw[backslash + 1];
            raw = raw[(backslash + 2)..];
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

    public static JsonElement? Prop(JsonElement e, string name, JsonValueKind kind)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == kind ? v : null;

    public static IEnumerable<JsonElement> Array(JsonElement e, string name)
        => Prop(e, name, JsonValueKind.Array) is { } a ? a.EnumerateArray() : [];

    public static long? Long(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l
            : ReadContext.Long(Str(e, name));

    public static int? Int(JsonElement e, string name)
        => Long(e, name) is { } l && l is >= int.MinValue and <= int.MaxValue ? (int)l : null;

    public static List<string> Strings(JsonElement e, string name)
    {
        var list = new List<string>();
        foreach (var v in Array(e, name))
        {
            var s = v.ValueKind == JsonValueKind.Object ? Str(v, "name") ?? Str(v, "title") : AsString(v);
            if (s is not null && !list.Contains(s)) list.Add(s.Trim());
        }

        return list;
    }
}

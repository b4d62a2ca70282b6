using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Lede.Parse;

/// <summary>
/// Reads past long escaped JSON strings (item HTML, excerpts) with a vectorized scan instead of <see cref="Utf8JsonReader"/>'s
/// byte-by-byte validation of every string holding an escape, unescaping them on the way (one pass over their bytes); the
/// reader then goes on from after the string.
/// </summary>
/// <remarks>
/// A skip restarts the reader on the rest of the document (from the state the reader would have after the value), so its
/// positions become relative to <see cref="Base"/>, and the line and column in its error messages no longer hold: a document
/// that turns out malformed is read again from the start without skips (<see cref="Read"/>), so its warnings are exactly
/// those of a plain read. Anything the scan is not sure of (a control character, an unknown escape, a comment) is left to
/// the reader. One scope per thread, for the document being read. The unescaped characters go to a buffer the thread reuses
/// from document to document: they stay valid until the next <see cref="Read"/> on the thread (the feed is built before).
/// </remarks>
internal static class JsonSkips
{
    /// <summary>Shorter strings are left to the reader: restarting it costs more than its validation of them.</summary>
    private const int MinSkipped = 64;

    /// <summary>What ends a scan step in a string: its end, an escape, or a control character (invalid: left to the reader).</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    /// <summary>Past this size the characters buffer is not kept for the next document: a rare huge feed must not pin it.</summary>
    private const int MaxKeptChars = 1 << 22;

    [ThreadStatic]
    private static Scope? _scope;

    [ThreadStatic]
    private static char[]? _cachedChars;

    /// <summary>Where the current reader's span starts in the document (0 with no skip made).</summary>
    public static int Base => _scope is { } s ? s.Base : 0;

    /// <summary>Whether a skip was made in the document being read: an error then must go up to <see cref="Read"/>, which reads again without.</summary>
    public static bool Skipped => _scope is { Skipped: true };

    private sealed class Scope(ReadOnlyMemory<byte> document, char[] chars)
    {
        public ReadOnlyMemory<byte> Document { get; } = document;
        public int Base { get; set; }
        public bool Skipped { get; set; }

        /// <summary>The unescaped skipped strings, one after another: <see cref="Used"/> characters so far.</summary>
        public char[] Chars { get; set; } = chars;
        public int Used { get; set; }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a reader over <paramref name="document"/> with skips allowed; when it fails with a
    /// <see cref="JsonException"/> after a skip was made, runs it again without (the error's positions are then the reader's own).
    /// </summary>
    public static T Read<T>(ReadOnlyMemory<byte> document, JsonReaderOptions options, ReadRoot<T> read)
    {
        var outer = _scope;
        // Taken from the thread while the document is read: a nested read (none today) gets a buffer of its own.
        var scope = new Scope(document, _cachedChars ?? new char[16 * 1024]);
        _cachedChars = null;
        _scope = scope;
        try
        {
            var reader = new Utf8JsonReader(document.Span, options);
            return read(ref reader);
        }
        catch (JsonException) when (scope.Skipped)
        {
            _scope = null;
            var reader = new Utf8JsonReader(document.Span, options);
            return read(ref reader);
        }
        finally
        {
            _scope = outer;
            if (scope.Chars.Length <= MaxKeptChars) _cachedChars = scope.Chars;
        }
    }

    /// <summary>A read of a whole document from its reader.</summary>
    public delegate T ReadRoot<out T>(ref Utf8JsonReader reader);

    /// <summary>
    /// When the value of the property just read is a string of at least <see cref="MinSkipped"/> bytes with an escape, moves the
    /// reader past it and gives its characters, unescaped (a lone surrogate as U+FFFD), in <paramref name="chars"/> from
    /// <paramref name="start"/>; otherwise false, the reader untouched. The characters stay until the next <see cref="Read"/>
    /// on this thread, or until <see cref="Release"/>.
    /// </summary>
    public static bool TrySkipString(ref Utf8JsonReader r, out char[] chars, out int start, out int length)
    {
        (chars, start, length) = ([], 0, 0);
        var scope = _scope;
        if (scope is null || r.TokenType != JsonTokenType.PropertyName) return false;
        var doc = scope.Document.Span;
        var gapStart = scope.Base + (int)r.BytesConsumed;
        var p = gapStart;
        var colon = false;
        while (p < doc.Length && p - gapStart < 32)
        {
            var b = doc[p];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') p++;
            else if (b == ':' && !colon) (colon, p) = (true, p + 1);
            else break;
        }

        if (p >= doc.Length || doc[p] != '"') return false;
        var content = doc[(p + 1)..];
        // No escape before the first quote: a plain string, which the reader reads fast. An unescaped quote soon: a short
        // string, not worth a restart. Both are found without unescaping anything.
        var first = content.IndexOfAny(StringStops);
        if (first < 0 || content[first] == '"') return false;
        var quote = content[..Math.Min(content.Length, MinSkipped)].IndexOf((byte)'"');
        if (quote > 0 && content[quote - 1] != '\\') return false;
        var end = Unescape(doc, p + 1, scope, out var used);
        if (end < 0 || end - p - 1 < MinSkipped) return false;

        // The state after this value is the state after an empty string in its place: read from the gap and "" instead.
        Span<byte> stand = stackalloc byte[40];
        var gap = p - gapStart;
        doc.Slice(gapStart, gap).CopyTo(stand);
        stand[gap] = (byte)'"';
        stand[gap + 1] = (byte)'"';
        var probe = new Utf8JsonReader(stand[..(gap + 2)], isFinalBlock: false, r.CurrentState);
        if (!probe.Read() || probe.TokenType != JsonTokenType.String) return false;
        scope.Base = end + 1;
        scope.Skipped = true;
        r = new Utf8JsonReader(doc[(end + 1)..], isFinalBlock: true, probe.CurrentState);
        (chars, start, length) = (scope.Chars, scope.Used, used);
        scope.Used += used;
        return true;
    }

    /// <summary>Gives back the characters of the last skipped string (from <paramref name="start"/>) once a string of them is made.</summary>
    public static void Release(int start)
    {
        if (_scope is { } scope && start <= scope.Used) scope.Used = start;
    }

    /// <summary>
    /// Unescapes the string whose content starts at <paramref name="from"/> into the scope's characters (after those used) and
    /// gives the index of its closing quote, when it holds an escape and every escape is valid; else -1, nothing kept.
    /// </summary>
    /// <remarks>Reads as <see cref="JsonValues.Unescape"/> does: invalid UTF-8 becomes U+FFFD, a lone surrogate escape U+FFFD.</remarks>
    private static int Unescape(ReadOnlySpan<byte> doc, int from, Scope scope, out int used)
    {
        used = 0;
        var raw = doc[from..];
        var escaped = false;
        // A JSON string never unescapes to more UTF-16 characters than it has bytes: room is made for each run as it comes.
        var chars = scope.Chars.AsSpan(scope.Used);
        var n = 0;
        var plain = PlainBytes;
        while (true)
        {
            if (n + 18 > chars.Length) chars = Grow(scope, n, 18);
            // The short ASCII runs between dense escapes ("\u003Cp\u003E") are widened here byte by byte; a longer or
            // non-ASCII run goes to a vectorized search and the decoder.
            var k = 0;
            var limit = Math.Min(raw.Length, 16);
            while (k < limit && plain[raw[k]])
            {
                chars[n + k] = (char)raw[k];
                k++;
            }

            n += k;
            raw = raw[k..];
            if (raw.IsEmpty) return -1;
            var c = raw[0];
            if (plain[c] || c >= 0x80)
            {
                var stop = raw.IndexOfAny(StringStops);
                if (stop < 0) return -1;
                if (n + stop + 2 > chars.Length) chars = Grow(scope, n, stop + 2);
                n += Encoding.UTF8.GetChars(raw[..stop], chars[n..]);
                raw = raw[stop..];
                c = raw[0];
            }

            if (c == '"')
            {
                if (!escaped) return -1;
                used = n;
                return doc.Length - raw.Length;
            }

            if (c != '\\' || raw.Length < 2) return -1;
            escaped = true;
            var e = raw[1];
            if (e != 'u')
            {
                var simple = e switch
                {
                    (byte)'"' or (byte)'\\' or (byte)'/' => (char)e,
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    _ => '\0',
                };
                if (simple == '\0') return -1;
                chars[n++] = simple;
                raw = raw[2..];
                continue;
            }

            if (raw.Length < 6 || Hex4(raw.Slice(2, 4)) is not (>= 0 and var unit)) return -1;
            raw = raw[6..];
            if (!char.IsSurrogate((char)unit))
            {
                chars[n++] = (char)unit;
            }
            else if (char.IsHighSurrogate((char)unit) && raw.Length >= 6 && raw[0] == '\\' && raw[1] == 'u'
                     && Hex4(raw.Slice(2, 4)) is >= 0 and var low && char.IsLowSurrogate((char)low))
            {
                chars[n++] = (char)unit;
                chars[n++] = (char)low;
                raw = raw[6..];
            }
            else
            {
                chars[n++] = '\uFFFD';
            }
        }
    }

    /// <summary>The bytes a string holds as they are: printable ASCII but the quote and the backslash.</summary>
    private static readonly bool[] PlainBytes = [.. Enumerable.Range(0, 256).Select(b => b is >= 0x20 and < 0x80 and not '"' and not '\\')];

    /// <summary>Each byte's value as a hex digit; -1 for any other byte.</summary>
    private static readonly int[] HexDigits = [.. Enumerable.Range(0, 256).Select(b => (!char.IsAsciiHexDigit((char)b) ? -1 : b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10))];

    /// <summary>The code unit four hex digits write; negative when one is not a hex digit.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int Hex4(ReadOnlySpan<byte> hex)
    {
        var digits = HexDigits;
        return (digits[hex[0]] << 12) | (digits[hex[1]] << 8) | (digits[hex[2]] << 4) | digits[hex[3]];
    }

    /// <summary>The scope's characters after those used, grown to hold <paramref name="more"/> after the <paramref name="written"/> there (strings already given keep the old array).</summary>
    private static Span<char> Grow(Scope scope, int written, int more)
    {
        var grown = GC.AllocateUninitializedArray<char>(Math.Max(scope.Chars.Length * 2, scope.Used + written + more));
        scope.Chars.AsSpan(0, scope.Used + written).CopyTo(grown);
        scope.Chars = grown;
        return grown.AsSpan(scope.Used);
    }
}

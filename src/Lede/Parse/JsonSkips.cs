using System.Buffers;
using System.Text.Json;

namespace Lede.Parse;

/// <summary>
/// Reads past long escaped JSON strings (item HTML, excerpts) with a vectorized scan instead of <see cref="Utf8JsonReader"/>'s
/// byte-by-byte validation of every string holding an escape; the reader then goes on from after the string.
/// </summary>
/// <remarks>
/// A skip restarts the reader on the rest of the document (from the state the reader would have after the value), so its
/// positions become relative to <see cref="Base"/>, and the line and column in its error messages no longer hold: a document
/// that turns out malformed is read again from the start without skips (<see cref="Read"/>), so its warnings are exactly
/// those of a plain read. Anything the scan is not sure of (a control character, an unknown escape, a comment) is left to
/// the reader. One scope per thread, for the document being read.
/// </remarks>
internal static class JsonSkips
{
    /// <summary>Shorter strings are left to the reader: restarting it costs more than its validation of them.</summary>
    private const int MinSkipped = 64;

    /// <summary>What ends a scan step in a string: its end, an escape, or a control character (invalid: left to the reader).</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    [ThreadStatic]
    private static Scope? _scope;

    /// <summary>Where the current reader's span starts in the document (0 with no skip made).</summary>
    public static int Base => _scope is { } s ? s.Base : 0;

    /// <summary>Whether a skip was made in the document being read: an error then must go up to <see cref="Read"/>, which reads again without.</summary>
    public static bool Skipped => _scope is { Skipped: true };

    /// <summary>The document being read, for the raw bytes of a skipped string.</summary>
    public static ReadOnlySpan<byte> Document => _scope is { } s ? s.Document.Span : default;

    private sealed class Scope(ReadOnlyMemory<byte> document)
    {
        public ReadOnlyMemory<byte> Document { get; } = document;
        public int Base { get; set; }
        public bool Skipped { get; set; }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on a reader over <paramref name="document"/> with skips allowed; when it fails with a
    /// <see cref="JsonException"/> after a skip was made, runs it again without (the error's positions are then the reader's own).
    /// </summary>
    public static T Read<T>(ReadOnlyMemory<byte> document, JsonReaderOptions options, ReadRoot<T> read)
    {
        var outer = _scope;
        var scope = new Scope(document);
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
        }
    }

    /// <summary>A read of a whole document from its reader.</summary>
    public delegate T ReadRoot<out T>(ref Utf8JsonReader reader);

    /// <summary>
    /// When the value of the property just read is a string of at least <see cref="MinSkipped"/> bytes with an escape, moves the
    /// reader past it and gives its raw bytes' place in the document; otherwise false, the reader untouched.
    /// </summary>
    public static bool TrySkipString(ref Utf8JsonReader r, out int start, out int length)
    {
        (start, length) = (0, 0);
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
        var end = EndOfEscapedString(doc, p + 1);
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
        (start, length) = (p + 1, end - p - 1);
        return true;
    }

    /// <summary>The index of the closing quote of the string whose content starts at <paramref name="from"/>, when it holds an escape and every escape is valid; else -1.</summary>
    private static int EndOfEscapedString(ReadOnlySpan<byte> doc, int from)
    {
        var q = from;
        var escaped = false;
        while (true)
        {
            var k = doc[q..].IndexOfAny(StringStops);
            if (k < 0) return -1;
            q += k;
            var b = doc[q];
            if (b == '"') return escaped ? q : -1;
            if (b != '\\' || q + 1 >= doc.Length) return -1;
            escaped = true;
            switch (doc[q + 1])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    q += 2;
                    break;
                case (byte)'u' when q + 6 <= doc.Length && IsHex4(doc.Slice(q + 2, 4)):
                    q += 6;
                    break;
                default:
                    return -1;
            }
        }
    }

    private static bool IsHex4(ReadOnlySpan<byte> hex)
        => char.IsAsciiHexDigit((char)hex[0]) && char.IsAsciiHexDigit((char)hex[1]) && char.IsAsciiHexDigit((char)hex[2]) && char.IsAsciiHexDigit((char)hex[3]);
}

using System.Text;

namespace Lede.Parse;

/// <summary>Turns feed bytes into text: HTTP charset, then BOM, then the XML declaration, then sniffing.</summary>
internal static class FeedDecoder
{
    static FeedDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>, adding an <c>encoding</c> warning for every guess or repair.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType, List<ParseWarning> warnings)
    {
        var (bomEncoding, bomLength) = DetectBom(bytes);
        var headerName = CharsetOf(contentType);
        Encoding? encoding = null;
        if (headerName is not null)
        {
            encoding = Lookup(headerName);
            if (encoding is null)
            {
                warnings.Add(new("encoding", $"unknown charset '{headerName}' in Content-Type; ignored"));
            }
            else if (bomEncoding is not null && bomEncoding.CodePage != encoding.CodePage && !IsUtf16Family(encoding, bomEncoding))
            {
                // A BOM is hard evidence; a header naming another family is the server's mistake.
                warnings.Add(new("encoding", $"Content-Type says {headerName} but the bytes start with a {bomEncoding.WebName} BOM; used the BOM"));
                encoding = bomEncoding;
            }
        }

        encoding ??= bomEncoding;
        if (encoding is null)
        {
            encoding = SniffUtf16Or32(bytes);
            var declared = DeclaredEncoding(bytes);
            if (encoding is null && declared is not null && !declared.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase)
                && !declared.StartsWith("utf-32", StringComparison.OrdinalIgnoreCase))
            {
                encoding = Lookup(declared);
                if (encoding is null)
                {
                    warnings.Add(new("encoding", $"unknown encoding '{declared}' declared; tried UTF-8"));
                }
            }
        }

        encoding ??= Encoding.UTF8;
        if (bomEncoding is not null && (encoding.CodePage == bomEncoding.CodePage || IsUtf16Family(encoding, bomEncoding)))
        {
            bytes = bytes[bomLength..];
        }

        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            return DecodeUtf8(bytes, warnings);
        }

        if (encoding.CodePage == 28591)
        {
            // Feeds labelled ISO-8859-1 are nearly always windows-1252 (the WHATWG rule): curly quotes, euro sign.
            encoding = Encoding.GetEncoding(1252);
        }

        return SingleByteDecoder.For(encoding) is { } fast ? fast.GetString(bytes) : encoding.GetString(bytes);
    }

    /// <summary>
    /// The body of an XML feed, UTF-8 BOM removed, when the XML reader can take the bytes itself and decode them exactly as
    /// <see cref="Decode"/> would: it starts with '&lt;', no header charset overrides the document, and the declared encoding
    /// is valid UTF-8 (or none) or a single-byte charset other than ISO-8859-1 (which <see cref="Decode"/> reads as windows-1252).
    /// </summary>
    /// <remarks>The reader then decodes in small chunks instead of the whole feed becoming one large string first.</remarks>
    public static bool TryXmlBytes(ReadOnlyMemory<byte> bytes, string? contentType, out ReadOnlyMemory<byte> xml)
        => TryXmlBytes(bytes, contentType, out xml, out _);

    /// <summary>As <see cref="TryXmlBytes(ReadOnlyMemory{byte}, string?, out ReadOnlyMemory{byte})"/>, with the encoding the bytes are in (UTF-8 or single-byte).</summary>
    public static bool TryXmlBytes(ReadOnlyMemory<byte> bytes, string? contentType, out ReadOnlyMemory<byte> xml, out Encoding encoding)
        => TryXmlBytesUnvalidated(bytes, contentType, out xml, out encoding)
           && (encoding.CodePage != Encoding.UTF8.CodePage || System.Text.Unicode.Utf8.IsValid(xml.Span));

    /// <summary>
    /// As <see cref="TryXmlBytes(ReadOnlyMemory{byte}, string?, out ReadOnlyMemory{byte}, out Encoding)"/> without checking that
    /// UTF-8 is valid: for a caller that decodes with <see cref="DecodeXml"/>, which finds out on the way (one pass, not two).
    /// </summary>
    public static bool TryXmlBytesUnvalidated(ReadOnlyMemory<byte> bytes, string? contentType, out ReadOnlyMemory<byte> xml, out Encoding encoding)
    {
        encoding = Encoding.UTF8;
        xml = bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        var span = xml.Span;
        if (span.IsEmpty || span[0] != (byte)'<' || CharsetOf(contentType) is not null) return false;
        var declared = DeclaredEncoding(span) is { } name ? Lookup(name) : Encoding.UTF8;
        if (declared is null) return false;
        encoding = declared;
        if (declared.CodePage == Encoding.UTF8.CodePage) return true;
        return xml.Length == bytes.Length && declared.CodePage != 28591 && SingleByteDecoder.For(declared) is not null;
    }

    /// <summary>
    /// Decodes bytes <see cref="TryXmlBytes(ReadOnlyMemory{byte}, string?, out ReadOnlyMemory{byte}, out Encoding)"/> accepted, in the
    /// encoding it found, into <paramref name="chars"/> (at least one character per byte); the number of characters written, or
    /// -1 when bytes said to be UTF-8 are not valid UTF-8.
    /// </summary>
    public static int DecodeXml(ReadOnlySpan<byte> xml, Encoding encoding, Span<char> chars)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            // Validated while transcoding: an invalid sequence stops it instead of becoming U+FFFD.
            var status = System.Text.Unicode.Utf8.ToUtf16(xml, chars, out _, out var written, replaceInvalidSequences: false);
            return status == System.Buffers.OperationStatus.Done ? written : -1;
        }

        if (SingleByteDecoder.For(encoding) is { } fast)
        {
            fast.GetChars(xml, chars);
            return xml.Length;
        }

        return encoding.GetChars(xml, chars);
    }

    /// <summary>
    /// The UTF-8 body of a JSON feed, BOM removed, when it can be handed to the JSON reader as bytes: it starts with '{' or '[',
    /// is valid UTF-8 and no header names another charset. Saves decoding to text and the reader's encoding back.
    /// </summary>
    /// <remarks>Checked here, not left to the reader: Utf8JsonReader does not validate the UTF-8 inside strings.</remarks>
    public static bool TryUtf8Json(ReadOnlyMemory<byte> bytes, string? contentType, out ReadOnlyMemory<byte> json)
    {
        json = bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        var span = json.Span;
        var first = span.IndexOfAnyExcept(" \t\n\r"u8);
        if (first < 0 || span[first] is not ((byte)'{' or (byte)'[')) return false;
        if (CharsetOf(contentType) is { } charset && Lookup(charset)?.CodePage != Encoding.UTF8.CodePage) return false;
        return System.Text.Unicode.Utf8.IsValid(span);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, List<ParseWarning> warnings)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // Declared (or assumed) UTF-8 that is not: the usual culprit is windows-1252.
        warnings.Add(new("encoding", "bytes are not valid UTF-8; decoded as windows-1252"));
        var windows1252 = Encoding.GetEncoding(1252);
        return SingleByteDecoder.For(windows1252) is { } fast ? fast.GetString(bytes) : windows1252.GetString(bytes);
    }

    private static bool IsUtf16Family(Encoding a, Encoding b) => a.WebName.StartsWith("utf-16", StringComparison.Ordinal) && b.WebName.StartsWith("utf-16", StringComparison.Ordinal);

    private static (Encoding? Encoding, int Length) DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Encoding.UTF8, 3);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return (Encoding.UTF32, 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode, 2);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode, 2);
        return (null, 0);
    }

    private static Encoding? SniffUtf16Or32(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4) return null;
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') return new UTF32Encoding(bigEndian: true, byteOrderMark: false);
        if (b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0) return Encoding.UTF32;
        if (b[0] == 0 && b[1] == '<') return Encoding.BigEndianUnicode;
        if (b[0] == '<' && b[1] == 0) return Encoding.Unicode;
        return null;
    }

    /// <summary>The <c>encoding</c> pseudo-attribute of the XML declaration, read as ASCII.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> b)
    {
        var head = Encoding.ASCII.GetString(b[..Math.Min(b.Length, 512)]);
        var start = head.IndexOf("<?xml", StringComparison.Ordinal);
        if (start < 0) return null;
        var end = head.IndexOf("?>", start, StringComparison.Ordinal);
        if (end < 0) return null;
        var decl = head[start..end];
        var at = decl.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0) return null;
        var q = decl.IndexOfAny(['"', '\''], at);
        if (q < 0) return null;
        var close = decl.IndexOf(decl[q], q + 1);
        return close < 0 ? null : decl[(q + 1)..close].Trim();
    }

    /// <summary>The charset parameter of a Content-Type header, unquoted.</summary>
    internal static string? CharsetOf(string? contentType)
    {
        if (contentType is null) return null;
        foreach (var part in contentType.Split(';'))
        {
            var kv = part.Trim();
            if (kv.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))
            {
                var v = kv[8..].Trim().Trim('"', '\'');
                return v.Length == 0 ? null : v;
            }
        }

        return null;
    }

    private static Encoding? Lookup(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}

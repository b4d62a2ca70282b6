using System.Text;

namespace Lede.Enrich;

/// <summary>Picks an HTML page's encoding: BOM, HTTP charset, meta charset in the first 4 KiB, then UTF-8 if valid, else windows-1252.</summary>
internal static class HtmlCharset
{
    private const int PrescanBytes = 4096;

    static HtmlCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType, List<string> warnings)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8)) return Encoding.UTF8.GetString(bytes[3..]);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        var declared = Lookup(CharsetParameter(contentType)) ?? Lookup(MetaCharset(bytes[..Math.Min(bytes.Length, PrescanBytes)]));
        // A page that says UTF-16 in ASCII markup is not UTF-16 (the HTML standard's rule).
        if (declared is not null && declared.WebName.StartsWith("utf-16", StringComparison.Ordinal)) declared = Encoding.UTF8;
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage) return declared.GetString(bytes);
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        if (declared is not null)
        {
            warnings.Add("page declared UTF-8 but holds invalid bytes; replaced");
            return Encoding.UTF8.GetString(bytes);
        }

        warnings.Add("no charset and not UTF-8: read as windows-1252");
        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    private static Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        name = name.Trim().Trim('"', '\'').Trim();
        // The web's aliases: latin1 and ascii labels mean windows-1252 in browsers.
        if (name.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) || name.Equals("latin1", StringComparison.OrdinalIgnoreCase)
            || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || name.Equals("ascii", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.GetEncoding(1252);
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? CharsetParameter(string? contentType)
    {
        if (contentType is null) return null;
        var at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var value = contentType[(at + 8)..];
        var end = value.IndexOfAny([';', ' ', ',']);
        return end < 0 ? value : value[..end];
    }

    /// <summary>The first <c>charset=</c> inside a <c>&lt;meta</c> tag, read as ASCII.</summary>
    private static string? MetaCharset(ReadOnlySpan<byte> head)
    {
        var ascii = Encoding.Latin1.GetString(head);
        var pos = 0;
        while (true)
        {
            var meta = ascii.IndexOf("<meta", pos, StringComparison.OrdinalIgnoreCase);
            if (meta < 0) return null;
            var end = ascii.IndexOf('>', meta);
            if (end < 0) return null;
            var tag = ascii.AsSpan(meta, end - meta);
            var cs = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (cs >= 0)
            {
                var rest = tag[(cs + 7)..].TrimStart();
                if (rest.Length > 0 && rest[0] == '=')
                {
                    rest = rest[1..].TrimStart().TrimStart("\"'");
                    var stop = rest.IndexOfAny("\"'; />");
                    return (stop < 0 ? rest : rest[..stop]).ToString();
                }
            }

            pos = end;
        }
    }
}

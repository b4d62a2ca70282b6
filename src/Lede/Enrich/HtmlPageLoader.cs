using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Lede.Enrich;

/// <summary>Bytes or text → an AngleSharp document, with the size and nesting bounded before the tree builder sees it.</summary>
/// <remarks>Never throws: a page that cannot be decoded or parsed yields an empty document and a warning.</remarks>
public static class HtmlPageLoader
{
    /// <value>Default: 5 MiB of bytes (the page fetch limit).</value>
    public const int DefaultMaxBytes = 5 * 1024 * 1024;

    /// <value>Default: 512 open elements; deeper start tags are dropped (their text kept).</value>
    public const int DefaultMaxDepth = 512;

    static HtmlPageLoader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false, IsKeepingSourceReferences = false };

    /// <summary>Decodes <paramref name="bytes"/> (BOM, then the Content-Type charset, then the meta charset, then UTF-8 or windows-1252) and parses them.</summary>
    public static LoadedPage Load(ReadOnlySpan<byte> bytes, string? contentType = null, int maxBytes = DefaultMaxBytes, int maxDepth = DefaultMaxDepth)
    {
        var warnings = new List<string>();
        if (bytes.Length > maxBytes)
        {
            warnings.Add($"page cut at {maxBytes} bytes (was {bytes.Length})");
            bytes = bytes[..maxBytes];
        }

        string text;
        try
        {
            text = HtmlCharset.Decode(bytes, contentType, warnings);
        }
        catch (Exception e) when (e is ArgumentException or DecoderFallbackException)
        {
            warnings.Add("undecodable page: " + e.Message);
            text = "";
        }

        return Parse(text, warnings, int.MaxValue, maxDepth);
    }

    /// <summary>Parses already decoded HTML.</summary>
    public static LoadedPage Load(string? html, int maxChars = DefaultMaxBytes, int maxDepth = DefaultMaxDepth)
        => Parse(html ?? "", [], maxChars, maxDepth);

    private static LoadedPage Parse(string html, List<string> warnings, int maxChars, int maxDepth)
    {
        if (html.Length > maxChars)
        {
            warnings.Add($"page cut at {maxChars} characters (was {html.Length})");
            html = html[..maxChars];
        }

        var (capped, dropped) = NestingCap.Apply(html, maxDepth);
        if (dropped > 0) warnings.Add($"{dropped} tags nested deeper than {maxDepth} dropped");
        var parser = new HtmlParser(ParserOptions);
        IDocument doc;
        try
        {
            doc = parser.ParseDocument(capped);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // AngleSharp is robust, but a parser bug must cost one page, not the run.
            warnings.Add("unparsable page: " + e.Message);
            doc = parser.ParseDocument("");
        }

        return new LoadedPage(doc, warnings);
    }
}

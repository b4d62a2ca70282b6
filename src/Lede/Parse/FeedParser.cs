using System.Text.Json;

namespace Lede.Parse;

/// <summary>The parse stage: feed bytes in any supported format to a <see cref="Feed"/>, with every repair as a warning.</summary>
public static class FeedParser
{
    /// <summary>Past this nesting a JSON document is hostile, not a feed.</summary>
    private const int MaxJsonDepth = 64;

    /// <summary>Detects the format (RSS, RSS 1.0/RDF, Atom, JSON Feed, news-JSON) and reads it.</summary>
    /// <remarks>Never throws on bad content: what cannot be read at all is an <see cref="ParseResult.Error"/>.</remarks>
    public static ParseResult Parse(FeedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var warnings = new List<ParseWarning>();
        try
        {
            if (FeedDecoder.TryUtf8Json(input.Bytes, input.ContentType, out var utf8Json))
            {
                return ParseJson(utf8Json, new ReadContext(warnings, input.Url?.AbsoluteUri));
            }

            var ctx = new ReadContext(warnings, input.Url?.AbsoluteUri);
            // Well-formed XML in UTF-8 or a single-byte charset: the fast scanner first, then System.Xml straight from the bytes;
            // anything neither reads strictly takes the text path below, with its repairs.
            if (FeedDecoder.TryXmlBytes(input.Bytes, input.ContentType, out var xmlBytes, out var xmlEncoding)
                && (XmlScanner.TryRead(xmlBytes.Span, xmlEncoding) ?? XmlTreeBuilder.TryBuildStrict(xmlBytes)) is { } strictRoot)
            {
                return ReadXml(strictRoot, ctx);
            }

            var text = FeedDecoder.Decode(input.Bytes.Span, input.ContentType, warnings);
            var first = FirstSignificant(text);
            if (first is '{' or '[')
            {
                return ParseJson(text, ctx);
            }

            // Junk before the markup (a PHP notice, a stray BOM) is skipped by the XML reader with a warning.
            if (first != '<' && text.IndexOf('<', StringComparison.Ordinal) is var lt && (lt < 0 || lt > 1024))
            {
                return new ParseResult(null, warnings, first is null ? "empty document" : "format not detected: not XML or JSON");
            }

            return ParseXml(text, ctx);
        }
        catch (Exception e) when (e is InsufficientExecutionStackException or System.Xml.XmlException or System.Text.DecoderFallbackException
                                       or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // A bug or limit met on hostile input: the feed fails alone, the caller goes on.
            return new ParseResult(null, warnings, $"unreadable: {e.GetType().Name}: {e.Message}");
        }
    }

    private static ParseResult ParseXml(string text, ReadContext ctx)
    {
        var root = XmlTreeBuilder.Build(text, ctx.Warnings);
        return root is null ? new ParseResult(null, ctx.Warnings, "no XML element found") : ReadXml(root, ctx);
    }

    internal static ParseResult ReadXml(XmlNode root, ReadContext ctx)
    {
        var ctx2 = root.Base is null ? ctx : new ReadContext(ctx.Warnings, UrlResolver.Resolve(ctx.DocumentBase, root.Base));
        Feed? feed = root.Name.ToLowerInvariant() switch
        {
            "rss" => RssReader.Read(root, ctx2),
            "rdf" => RdfReader.Read(root, ctx2),
            "feed" => AtomReader.Read(root, ctx2),
            "channel" => RssReader.Read(root, ctx2),
            _ => null,
        };
        return feed is null
            ? new ParseResult(null, ctx.Warnings, $"format not detected: root element <{root.Name}> is not rss, rdf:RDF or feed")
            : new ParseResult(feed, ctx.Warnings);
    }

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = MaxJsonDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static ParseResult ParseJson(string text, ReadContext ctx) => ParseJson(() => JsonDocument.Parse(text, JsonOptions), ctx);

    private static ParseResult ParseJson(ReadOnlyMemory<byte> utf8, ReadContext ctx) => ParseJson(() => JsonDocument.Parse(utf8, JsonOptions), ctx);

    private static ParseResult ParseJson(Func<JsonDocument> parse, ReadContext ctx)
    {
        JsonDocument doc;
        try
        {
            doc = parse();
        }
        catch (JsonException e)
        {
            return new ParseResult(null, ctx.Warnings, $"invalid JSON: {e.Message}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            Feed? feed = NewsJsonReader.Accepts(root) ? NewsJsonReader.Read(root, ctx)
                : JsonFeedReader.Accepts(root) ? JsonFeedReader.Read(root, ctx)
                : null;
            return feed is null
                ? new ParseResult(null, ctx.Warnings, "format not detected: JSON that is neither JSON Feed nor news-JSON")
                : new ParseResult(feed, ctx.Warnings);
        }
    }

    private static char? FirstSignificant(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF') return c;
        }

        return null;
    }
}

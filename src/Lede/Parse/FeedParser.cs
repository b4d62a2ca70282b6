using System.Text.Json;

namespace Lede.Parse;

/// <summary>The parse stage: feed bytes in any supported format to a <see cref="Feed"/>, with every repair as a warning.</summary>
public static class FeedParser
{
    /// <summary>Detects the format (RSS, RSS 1.0/RDF, Atom, JSON Feed, news-JSON) and reads it within <see cref="FeedLimits.Default"/>.</summary>
    /// <remarks>Never throws on bad content: what cannot be read at all is an <see cref="ParseResult.Error"/>.</remarks>
    public static ParseResult Parse(FeedInput input) => Parse(input, FeedLimits.Default);

    /// <summary>Detects the format and reads it; items and fields past <paramref name="limits"/> are dropped or cut, with a <c>limit</c> warning.</summary>
    /// <remarks>Never throws on bad content: what cannot be read at all is an <see cref="ParseResult.Error"/>.</remarks>
    public static ParseResult Parse(FeedInput input, FeedLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        return FeedCaps.Apply(ParseWhole(input), limits);
    }

    private static ParseResult ParseWhole(FeedInput input)
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
            // anything neither reads strictly takes the text path below, with its repairs. The scanner's decoding checks the UTF-8:
            // invalid bytes go to the text path (and its encoding warning) without System.Xml's silent replacement.
            if (FeedDecoder.TryXmlBytesUnvalidated(input.Bytes, input.ContentType, out var xmlBytes, out var xmlEncoding)
                && (XmlScanner.TryRead(xmlBytes.Span, xmlEncoding, out var decoded) ?? (decoded ? XmlTreeBuilder.TryBuildStrict(xmlBytes) : null)) is { } strictRoot)
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

    /// <summary>JSON that needed decoding to text first (another charset, a repair): read from its UTF-8 like any other.</summary>
    private static ParseResult ParseJson(string text, ReadContext ctx)
    {
        var start = 0;
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || text[start] == '\uFEFF')) start++;
        return ParseJson(System.Text.Encoding.UTF8.GetBytes(text, start, text.Length - start), ctx);
    }

    /// <summary>
    /// One forward pass over the document (no DOM): the members of both JSON formats are collected as they come, then the
    /// format is chosen as before (news-JSON first, then JSON Feed) and its items built.
    /// </summary>
    /// <remarks>Malformed JSON keeps the items read before the error, with a warning; with none read it is an error.</remarks>
    private static ParseResult ParseJson(ReadOnlyMemory<byte> utf8, ReadContext ctx)
    {
        var (root, error) = JsonSkips.Read(utf8, JsonValues.Options, ReadRoot);
        var document = utf8.Span;
        Feed? feed = null;
        var read = 0;
        if (root.IsArray || root.News is not null || root.Value is not null)
        {
            var list = root.News ?? root.Value!;
            read = list.Count(n => n is not null);
            if (error is null || read > 0) feed = NewsJsonReader.Build(list, root.IsArray ? null : root.Title, document, ctx);
        }
        else if (root.HasItems || (root.Version?.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            read = root.Items?.Count(n => n is not null) ?? 0;
            if (error is null || read > 0) feed = JsonFeedReader.Build(root, document, ctx);
        }

        if (error is not null)
        {
            if (feed is null) return new ParseResult(null, ctx.Warnings, $"invalid JSON: {error}");
            ctx.Warn("other", $"invalid JSON after {read} items ({error}); kept what was read before it");
        }

        return feed is null
            ? new ParseResult(null, ctx.Warnings, "format not detected: JSON that is neither JSON Feed nor news-JSON")
            : new ParseResult(feed, ctx.Warnings);
    }

    /// <summary>The root's members and items as far as the document is well-formed, and the error that stopped the read.</summary>
    private static (JsonRoot Root, string? Error) ReadRoot(ref Utf8JsonReader reader)
    {
        var root = new JsonRoot();
        try
        {
            // The reader itself refuses anything but comments and whitespace after the root value.
            if (reader.Read())
            {
                root.Read(ref reader);
                reader.Read();
            }
        }
        catch (JsonException e) when (!JsonSkips.Skipped)
        {
            return (root, e.Message);
        }

        return (root, null);
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

using System.Text.Json;
using Lede.Parse;

namespace Lede.Tests.Parse.Legacy;

/// <summary>The JsonDocument path of FeedParser before the forward-only rewrite: the oracle for well-formed documents.</summary>
internal static class LegacyJsonParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static ParseResult Parse(byte[] utf8, string? documentBase)
    {
        var ctx = new ReadContext([], documentBase);
        using var doc = JsonDocument.Parse(utf8, Options);
        var root = doc.RootElement;
        Feed? feed = LegacyNewsJsonReader.Accepts(root) ? LegacyNewsJsonReader.Read(root, ctx)
            : LegacyJsonFeedReader.Accepts(root) ? LegacyJsonFeedReader.Read(root, ctx)
            : null;
        return feed is null
            ? new ParseResult(null, ctx.Warnings, "format not detected: JSON that is neither JSON Feed nor news-JSON")
            : new ParseResult(feed, ctx.Warnings);
    }
}

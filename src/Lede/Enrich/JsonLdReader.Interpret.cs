using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Lede.Enrich;

internal static partial class JsonLdReader
{
    private static JsonLdFacts Interpret(List<JsonElement> nodes)
    {
        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (Text(node, "@id") is { } id) byId.TryAdd(id, node);
        }

        // The article entity wins over an embedded video; a page whose only entity is a video is a video page.
        var article = nodes.FirstOrDefault(n => TypesOf(n).Any(ArticleTypes.Contains));
        var video = nodes.FirstOrDefault(n => TypesOf(n).Any(t => t.Equals("VideoObject", StringComparison.OrdinalIgnoreCase)));
        var hasArticle = article.ValueKind == JsonValueKind.Object;
        var main = hasArticle ? article : video;
        var webSite = nodes.FirstOrDefault(n => TypesOf(n).Any(t => t.Equals("WebSite", StringComparison.OrdinalIgnoreCase)));
        var webSiteName = webSite.ValueKind == JsonValueKind.Object ? Text(webSite, "name") : null;
        if (main.ValueKind != JsonValueKind.Object) return JsonLdFacts.Empty with { WebSiteName = webSiteName };

        var publisher = Resolve(Property(main, "publisher"), byId);
        var isVideo = !hasArticle || TypesOf(main).Any(t => t.Equals("VideoObject", StringComparison.OrdinalIgnoreCase));
        var images = new List<(string, int?, int?)>();
        AddImages(Property(main, "image"), byId, images, 0);
        if (isVideo) AddImages(Property(main, "thumbnailUrl"), byId, images, 0);
        return new JsonLdFacts
        {
            Headline = Text(main, "headline") ?? Text(main, "name"),
            Description = Text(main, "description"),
            Published = Text(main, "datePublished") ?? Text(main, "uploadDate") ?? Text(main, "dateCreated"),
            Modified = Text(main, "dateModified"),
            Authors = Names(Property(main, "author"), byId).Concat(Names(Property(main, "creator"), byId)).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            PublisherName = publisher is { ValueKind: JsonValueKind.String } ? Clean(publisher.Value.GetString()) : publisher is { } p ? Text(p, "name") : null,
            PublisherLogo = publisher is { ValueKind: JsonValueKind.Object } pub ? ImageUrl(Resolve(Property(pub, "logo"), byId)) : null,
            WebSiteName = webSiteName,
            Language = Text(main, "inLanguage"),
            Images = images,
            IsVideo = isVideo,
            HasArticle = hasArticle,
        };
    }

    private static IEnumerable<string> TypesOf(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type)) yield break;
        if (type.ValueKind == JsonValueKind.String)
        {
            yield return StripVocabulary(type.GetString()!);
        }
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                if (t.ValueKind == JsonValueKind.String) yield return StripVocabulary(t.GetString()!);
            }
        }
    }

    // "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
    private static string StripVocabulary(string type) => type[(Math.Max(type.LastIndexOf('/'), type.LastIndexOf(':')) + 1)..];

    private static JsonElement? Property(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? v : null;

    /// <summary>An object that is only <c>{"@id": …}</c> stands for the node with that id elsewhere in the graph.</summary>
    private static JsonElement? Resolve(JsonElement? e, Dictionary<string, JsonElement> byId)
    {
        if (e is { ValueKind: JsonValueKind.Object } o && Text(o, "@id") is { } id && !o.TryGetProperty("@type", out _) && byId.TryGetValue(id, out var node)) return node;
        return e;
    }

    private static string? Text(JsonElement e, string name) => Property(e, name) switch
    {
        { ValueKind: JsonValueKind.String } s => Clean(s.GetString()),
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => Clean(x.GetString())).FirstOrDefault(x => x is not null),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.Object } o when name is "inLanguage" => Text(o, "alternateName") ?? Text(o, "name"),
        _ => null,
    };

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        // Many CMSs HTML-escape JSON-LD strings ("Tom &amp; Jerry"); the values are plain text.
        if (s.Contains('&', StringComparison.Ordinal)) s = WebUtility.HtmlDecode(s);
        return string.Join(' ', s.Split((char[])[' ', '\t', '\r', '\n', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static IEnumerable<string> Names(JsonElement? e, Dictionary<string, JsonElement> byId)
    {
        e = Resolve(e, byId);
        switch (e)
        {
            case { ValueKind: JsonValueKind.String } s when Clean(s.GetString()) is { } name:
                yield return name;
                break;
            case { ValueKind: JsonValueKind.Object } o when Text(o, "name") is { } name:
                yield return name;
                break;
            case { ValueKind: JsonValueKind.Array } a:
                foreach (var item in a.EnumerateArray().Take(20))
                {
                    foreach (var n in Names(item, byId)) yield return n;
                }

                break;
        }
    }

    private static void AddImages(JsonElement? e, Dictionary<string, JsonElement> byId, List<(string, int?, int?)> images, int depth)
    {
        e = Resolve(e, byId);
        if (depth > 3 || e is null || images.Count >= 20) return;
        var value = e.Value;
        switch (value.ValueKind)
        {
            case JsonValueKind.String when Clean(value.GetString()) is { } url:
                images.Add((url, null, null));
                break;
            case JsonValueKind.Object when ImageUrl(value) is { } url:
                images.Add((url, Dimension(Property(value, "width")), Dimension(Property(value, "height"))));
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) AddImages(item, byId, images, depth + 1);
                break;
        }
    }

    private static string? ImageUrl(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } s => Clean(s.GetString()),
        { ValueKind: JsonValueKind.Object } o => Text(o, "url") ?? Text(o, "contentUrl") ?? Text(o, "@id"),
        _ => null,
    };

    /// <summary>1200, "1200", "1200px" or a QuantitativeValue {"value": 1200}.</summary>
    internal static int? Dimension(JsonElement? e)
    {
        switch (e)
        {
            case { ValueKind: JsonValueKind.Number } n:
                return n.TryGetDouble(out var d) && d is >= 1 and <= 1_000_000 ? (int)d : null;
            case { ValueKind: JsonValueKind.String } s:
                return ParseDimension(s.GetString());
            case { ValueKind: JsonValueKind.Object } o:
                return Dimension(Property(o, "value"));
            default:
                return null;
        }
    }

    internal static int? ParseDimension(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim();
        if (t.EndsWith("px", StringComparison.OrdinalIgnoreCase)) t = t[..^2].TrimEnd();
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 1_000_000 ? (int)d : null;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Lede.Parse;

namespace Lede.Conformance.Tests;

/// <summary>A parsed feed in the vocabulary of each suite; every key a suite may ask about and Lede models is present (null when empty).</summary>
internal static class Projection
{
    public static string? Date(DateTime? d) => d?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonArray People(IEnumerable<FeedPerson> people, string uriKey = "uri")
        => new(people.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["email"] = p.Email, [uriKey] = p.Uri }).ToArray());

    /// <summary>
    /// gofeed's expected outputs come in three vocabularies: <c>translator/</c> and <c>extensions/</c> use the universal
    /// gofeed.Feed; <c>parser/rss</c> the RSS parser's (item author is the raw string); <c>parser/atom</c> the Atom parser's
    /// (entries, subtitle, rights, content {value}); <c>parser/json</c> the JSON Feed parser's (image is a URL string).
    /// </summary>
    public static JsonObject Gofeed(Feed f, string folder)
    {
        var o = Gofeed(f);
        if (folder == "parser/rss")
        {
            var items = (JsonArray)o["items"]!;
            for (var i = 0; i < f.Items.Count; i++)
            {
                // The RSS parser keeps <author> as written; Lede reads it into a person, so it is written back the RSS way.
                items[i]!["author"] = f.Items[i].Authors.Count == 0 ? null : RssPerson(f.Items[i].Authors[0]);
            }
        }
        else if (folder == "parser/json")
        {
            var items = (JsonArray)o["items"]!;
            for (var i = 0; i < f.Items.Count; i++) items[i]!["image"] = f.Items[i].Image?.Url;
        }
        else if (folder == "parser/atom")
        {
            o["subtitle"] = f.Description;
            o["rights"] = f.Copyright;
            // Lede models the generator's name, not its uri or version: an object whose other keys are not compared.
            o["generator"] = new JsonObject { ["value"] = f.Generator };
            o["categories"] = new JsonArray(f.Categories.Select(c => (JsonNode)new JsonObject { ["term"] = c }).ToArray());
            o["entries"] = new JsonArray(f.Items.Select(i => (JsonNode)new JsonObject
            {
                ["title"] = i.Title,
                ["id"] = i.Guid,
                ["summary"] = i.Description,
                ["content"] = i.Content is null ? null : new JsonObject { ["value"] = i.Content },
                ["updatedParsed"] = Date(i.Updated),
                ["publishedParsed"] = Date(i.Published),
                ["authors"] = People(i.Authors),
                ["categories"] = new JsonArray(i.Categories.Select(c => (JsonNode)new JsonObject { ["term"] = c }).ToArray()),
            }).ToArray());
        }

        return o;
    }

    /// <summary>feedparser's one-line author: "Name (email)", or whichever of the two there is.</summary>
    private static string? AuthorLine(IReadOnlyList<FeedPerson> people)
        => people.Count == 0 ? null : people[0] is { Name: { } n, Email: { } e } ? $"{n} ({e})" : people[0].Name ?? people[0].Email;

    private static string RssPerson(FeedPerson p)
        => p.Email is not null && p.Name is not null ? $"{p.Email} ({p.Name})" : p.Name ?? p.Email ?? "";

    private static JsonObject? Person(IReadOnlyList<FeedPerson> people, string uriKey = "uri")
        => people.Count == 0 ? null : new JsonObject { ["name"] = people[0].Name, ["email"] = people[0].Email, [uriKey] = people[0].Uri };

    private static JsonObject Gofeed(Feed f) => new()
    {
        ["title"] = f.Title,
        ["description"] = f.Description,
        ["link"] = f.Link,
        ["feedLink"] = f.FeedLink,
        ["language"] = f.Language,
        ["copyright"] = f.Copyright,
        ["generator"] = f.Generator,
        ["updatedParsed"] = Date(f.Updated),
        ["publishedParsed"] = Date(f.Published),
        ["author"] = Person(f.Authors),
        ["authors"] = People(f.Authors),
        ["categories"] = new JsonArray(f.Categories.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
        ["image"] = f.Image is null ? null : new JsonObject { ["url"] = f.Image.Url, ["title"] = f.Image.Title },
        ["feedType"] = f.Format == "rdf" ? "rss" : f.Format,
        ["feedVersion"] = f.Version,
        ["version"] = f.Version,
        ["items"] = new JsonArray(f.Items.Select(i => (JsonNode)new JsonObject
        {
            ["title"] = i.Title,
            ["description"] = i.Description,
            ["content"] = i.Content,
            ["link"] = i.Link,
            ["guid"] = i.Guid,
            ["updatedParsed"] = Date(i.Updated),
            ["publishedParsed"] = Date(i.Published),
            ["author"] = Person(i.Authors),
            ["authors"] = People(i.Authors),
            ["categories"] = new JsonArray(i.Categories.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["image"] = i.Image is null ? null : new JsonObject { ["url"] = i.Image.Url },
            ["enclosures"] = new JsonArray(i.Enclosures.Select(e => (JsonNode)new JsonObject
            {
                ["url"] = e.Url,
                ["type"] = e.Type,
                ["length"] = e.Length?.ToString(CultureInfo.InvariantCulture),
            }).ToArray()),
        }).ToArray()),
    };

    /// <summary>
    /// feed-parser's vocabulary. One convention of that parser is applied to Lede's result rather than counted as a
    /// difference: an item without authors or categories shows the feed's. (Ids are the feed's own in every projection,
    /// <see cref="FeedItem.Guid"/>: Lede's Id falls back to the link or a hash, which is identity, not the feed's guid.)
    /// </summary>
    public static JsonObject Rowan(Feed f)
    {
        var o = RowanRaw(f);
        var items = (JsonArray)o["items"]!;
        for (var i = 0; i < f.Items.Count; i++)
        {
            var item = f.Items[i];
            var node = items[i]!;
            if (item.Authors.Count == 0) node["authors"] = People(f.Authors, "url");
            if (item.Categories.Count == 0) node["categories"] = o["categories"]!.DeepClone();
        }

        return o;
    }

    private static JsonObject RowanRaw(Feed f) => new()
    {
        ["meta"] = new JsonObject { ["type"] = f.Format == "rdf" ? "rss" : f.Format, ["version"] = f.Version },
        ["language"] = f.Language,
        ["title"] = f.Title,
        ["description"] = f.Description,
        ["copyright"] = f.Copyright,
        ["url"] = f.Link,
        ["self"] = f.FeedLink,
        ["published"] = Date(f.Published),
        ["updated"] = Date(f.Updated),
        ["generator"] = f.Generator is null ? null : new JsonObject { ["label"] = f.Generator },
        ["image"] = f.Image is null ? null : new JsonObject { ["url"] = f.Image.Url, ["title"] = f.Image.Title },
        ["authors"] = People(f.Authors, "url"),
        ["categories"] = new JsonArray(f.Categories.Select(c => (JsonNode)new JsonObject { ["term"] = c }).ToArray()),
        ["items"] = new JsonArray(f.Items.Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.Guid,
            ["title"] = i.Title,
            ["description"] = i.Description,
            ["url"] = i.Link,
            // rowanmanning's parser reports the published time as updated when a feed gives only one.
            ["published"] = Date(i.Published),
            ["updated"] = Date(i.Updated ?? i.Published),
            ["content"] = i.Content,
            ["image"] = i.Image is null ? null : new JsonObject { ["url"] = i.Image.Url },
            ["authors"] = People(i.Authors, "url"),
            ["categories"] = new JsonArray(i.Categories.Select(c => (JsonNode)new JsonObject { ["term"] = c }).ToArray()),
            ["media"] = new JsonArray(i.Enclosures.Select(e => (JsonNode)new JsonObject
            {
                ["url"] = e.Url,
                ["length"] = e.Length,
                ["mimeType"] = e.Type,
            }).ToArray()),
        }).ToArray()),
    };

    /// <summary>feedparser's result dictionary, as far as Lede models it.</summary>
    public static JsonObject Feedparser(Feed f)
    {
        var feed = new JsonObject
        {
            ["title"] = f.Title,
            ["subtitle"] = f.Description,
            ["description"] = f.Description,
            ["tagline"] = f.Description,
            ["info"] = f.Description,
            ["link"] = f.Link,
            ["language"] = f.Language,
            ["rights"] = f.Copyright,
            ["copyright"] = f.Copyright,
            ["generator"] = f.Generator,
            ["author_detail"] = Person(f.Authors, "url"),
            ["authors"] = People(f.Authors, "url"),
            ["updated_parsed"] = Date(f.Updated),
            ["modified_parsed"] = Date(f.Updated),
            ["published_parsed"] = Date(f.Published),
            ["date_parsed"] = Date(f.Updated ?? f.Published),
            ["image"] = f.Image is null ? null : new JsonObject
            {
                ["href"] = f.Image.Url,
                ["url"] = f.Image.Url,
                ["title"] = f.Image.Title,
                ["width"] = f.Image.Width,
                ["height"] = f.Image.Height,
            },
            ["author"] = AuthorLine(f.Authors),
            ["tags"] = new JsonArray(f.Categories.Select(c => (JsonNode)new JsonObject { ["term"] = c }).ToArray()),
            ["subtitle_detail"] = new JsonObject { ["value"] = f.Description },
            // The *_detail dictionaries: Lede models their value (the field itself), not their type, language or base.
            ["title_detail"] = new JsonObject { ["value"] = f.Title },
            ["tagline_detail"] = new JsonObject { ["value"] = f.Description },
            ["info_detail"] = new JsonObject { ["value"] = f.Description },
            ["rights_detail"] = new JsonObject { ["value"] = f.Copyright },
            ["copyright_detail"] = new JsonObject { ["value"] = f.Copyright },
        };
        var entries = new JsonArray(f.Items.Select(i => (JsonNode)new JsonObject
        {
            ["title"] = i.Title,
            ["link"] = i.Link,
            ["id"] = i.Guid,
            ["guid"] = i.Guid,
            ["summary"] = i.Description ?? i.Content,
            ["description"] = i.Description ?? i.Content,
            ["content"] = i.Content is null ? new JsonArray() : new JsonArray(new JsonObject { ["value"] = i.Content }),
            ["author_detail"] = Person(i.Authors, "url"),
            ["authors"] = People(i.Authors, "url"),
            ["published_parsed"] = Date(i.Published),
            ["issued_parsed"] = Date(i.Published),
            ["updated_parsed"] = Date(i.Updated ?? i.Published),
            ["modified_parsed"] = Date(i.Updated ?? i.Published),
            ["date_parsed"] = Date(i.Updated ?? i.Published),
            ["tags"] = new JsonArray(i.Categories.Select(c => (JsonNode)new JsonObject { ["term"] = c }).ToArray()),
            ["enclosures"] = new JsonArray(i.Enclosures.Select(e => (JsonNode)new JsonObject
            {
                ["href"] = e.Url,
                ["url"] = e.Url,
                ["type"] = e.Type,
                ["length"] = e.Length?.ToString(CultureInfo.InvariantCulture),
            }).ToArray()),
            ["summary_detail"] = new JsonObject { ["value"] = i.Description ?? i.Content },
            ["title_detail"] = new JsonObject { ["value"] = i.Title },
            ["author"] = AuthorLine(i.Authors),
            ["image"] = i.Image is null ? null : new JsonObject { ["href"] = i.Image.Url },
        }).ToArray());
        return new JsonObject { ["feed"] = feed, ["entries"] = entries };
    }
}

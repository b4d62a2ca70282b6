using System.Globalization;
using System.Text.Json.Nodes;
using Lede.Parse;

namespace Lede.Conformance.Tests;

/// <summary>A parsed feed in the vocabulary of each suite; every key a suite may ask about and Lede models is present (null when empty).</summary>
internal static class Projection
{
    public static string? Date(DateTime? d) => d?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonArray People(IEnumerable<FeedPerson> people)
        => new(people.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["email"] = p.Email }).ToArray());

    private static JsonObject? Person(IReadOnlyList<FeedPerson> people)
        => people.Count == 0 ? null : new JsonObject { ["name"] = people[0].Name, ["email"] = people[0].Email };

    public static JsonObject Gofeed(Feed f) => new()
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
            ["guid"] = i.Id,
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

    public static JsonObject Rowan(Feed f) => new()
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
        ["authors"] = People(f.Authors),
        ["categories"] = new JsonArray(f.Categories.Select(c => (JsonNode)new JsonObject { ["term"] = c }).ToArray()),
        ["items"] = new JsonArray(f.Items.Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.Id,
            ["title"] = i.Title,
            ["description"] = i.Description,
            ["url"] = i.Link,
            // rowanmanning's parser reports the published time as updated when a feed gives only one.
            ["published"] = Date(i.Published),
            ["updated"] = Date(i.Updated ?? i.Published),
            ["content"] = i.Content,
            ["image"] = i.Image is null ? null : new JsonObject { ["url"] = i.Image.Url },
            ["authors"] = People(i.Authors),
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
            ["author_detail"] = Person(f.Authors),
            ["authors"] = People(f.Authors),
            ["updated_parsed"] = Date(f.Updated),
            ["modified_parsed"] = Date(f.Updated),
            ["published_parsed"] = Date(f.Published),
            ["date_parsed"] = Date(f.Updated ?? f.Published),
            ["image"] = f.Image is null ? null : new JsonObject { ["href"] = f.Image.Url, ["url"] = f.Image.Url, ["title"] = f.Image.Title },
            ["tags"] = new JsonArray(f.Categories.Select(c => (JsonNode)new JsonObject { ["term"] = c }).ToArray()),
            ["subtitle_detail"] = new JsonObject { ["value"] = f.Description },
        };
        var entries = new JsonArray(f.Items.Select(i => (JsonNode)new JsonObject
        {
            ["title"] = i.Title,
            ["link"] = i.Link,
            ["id"] = i.Id,
            ["guid"] = i.Id,
            ["summary"] = i.Description ?? i.Content,
            ["description"] = i.Description ?? i.Content,
            ["content"] = i.Content is null ? new JsonArray() : new JsonArray(new JsonObject { ["value"] = i.Content }),
            ["author_detail"] = Person(i.Authors),
            ["authors"] = People(i.Authors),
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
        }).ToArray());
        return new JsonObject { ["feed"] = feed, ["entries"] = entries };
    }
}

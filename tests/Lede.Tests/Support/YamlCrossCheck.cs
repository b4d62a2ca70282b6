using System.Globalization;
using Lede.Records;
using YamlDotNet.Serialization;

namespace Lede.Tests.Support;

/// <summary>Reads a record's front matter with YamlDotNet, an independent YAML parser, and compares its values with ours.</summary>
/// <remarks>
/// Unquoted scalars are typed the way YAML resolves them (numbers, booleans, null), so a name written
/// plain that YAML would read as <c>true</c> or <c>12</c> fails the comparison.
/// </remarks>
public static class YamlCrossCheck
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithAttemptingUnquotedStringTypeDeserialization()
        .Build();

    public static void AssertSameValues(string text, ArticleRecord record)
    {
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        end = end < 0 ? text.IndexOf("\n---", 4, StringComparison.Ordinal) : end;
        var map = Map(Yaml.Deserialize<object>(text[4..(end + 1)]));

        AssertString(map["category"], record.Category);
        AssertString(map["title"], record.Title);
        AssertString(map["excerpt"], record.Excerpt);
        AssertTime(map["publishedDateTime"], record.PublishedDateTime);
        AssertString(map["originalUrl"], record.OriginalUrl);
        AssertString(map["webUrl"], record.WebUrl);
        AssertOptional(map, "ampWebUrl", record.AmpWebUrl);
        AssertOptional(map, "cdnAmpWebUrl", record.CdnAmpWebUrl);
        AssertString(map["type"], record.Type == ArticleType.Video ? "video" : "article");
        AssertInt(map["quality"], record.Quality);
        AssertInt(map["heat"], record.Heat);
        map["published"].ShouldBe(record.Published);
        AssertProvider(map["provider"], record.Provider);
        AssertList(map, "topics", record.Topics, (node, topic) => AssertString(node, topic));
        AssertList(map, "images", record.Images, AssertImage);
        AssertList(map, "related", record.Related, AssertRelated);
        AssertOptional(map, "secured", record.Secured?.ToString());
        var keys = new List<string> { "category", "title", "excerpt", "publishedDateTime", "originalUrl", "webUrl", "type", "quality", "heat", "published", "provider" };
        keys.AddRange(new[] { ("ampWebUrl", record.AmpWebUrl is not null), ("cdnAmpWebUrl", record.CdnAmpWebUrl is not null), ("secured", record.Secured is not null),
            ("topics", record.Topics.Count > 0), ("images", record.Images.Count > 0), ("related", record.Related.Count > 0) }.Where(k => k.Item2).Select(k => k.Item1));
        map.Keys.Order(StringComparer.Ordinal).ShouldBe(keys.Order(StringComparer.Ordinal));
    }

    private static void AssertRelated(object? node, RelatedEntry related)
    {
        var map = Map(node);
        AssertString(map["title"], related.Title);
        AssertString(map["excerpt"], related.Excerpt);
        AssertTime(map["publishedDateTime"], related.PublishedDateTime);
        AssertString(map["webUrl"], related.WebUrl);
        AssertOptional(map, "ampWebUrl", related.AmpWebUrl);
        AssertOptional(map, "cdnAmpWebUrl", related.CdnAmpWebUrl);
        AssertString(map["type"], related.Type == ArticleType.Video ? "video" : "article");
        AssertProvider(map["provider"], related.Provider);
        AssertInt(map["quality"], related.Quality);
        AssertList(map, "images", related.Images, AssertImage);
    }

    private static void AssertImage(object? node, RecordImage image)
    {
        var map = Map(node);
        AssertString(map["url"], image.Url);
        if (image.Width is { } width)
        {
            AssertInt(map["width"], width);
        }

        if (image.Height is { } height)
        {
            AssertInt(map["height"], height);
        }

        map["isCached"].ShouldBe(image.IsCached);
    }

    private static void AssertProvider(object? node, ProviderRef provider)
    {
        var map = Map(node);
        AssertString(map["name"], provider.Name);
        AssertString(map["domain"], provider.Domain);
    }

    private static void AssertList<T>(Dictionary<string, object?> map, string key, IReadOnlyList<T> expected, Action<object?, T> assert)
    {
        if (expected.Count == 0)
        {
            map.ShouldNotContainKey(key);
            return;
        }

        var nodes = map[key].ShouldBeAssignableTo<List<object?>>()!;
        nodes.Count.ShouldBe(expected.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            assert(nodes[i], expected[i]);
        }
    }

    private static void AssertOptional(Dictionary<string, object?> map, string key, string? expected)
    {
        if (expected is null)
        {
            map.ShouldNotContainKey(key);
        }
        else
        {
            AssertString(map[key], expected);
        }
    }

    private static void AssertString(object? node, string expected) => node.ShouldBeOfType<string>().ShouldBe(expected);

    private static void AssertInt(object? node, int expected)
        => Convert.ToInt64(node, CultureInfo.InvariantCulture).ShouldBe(expected);

    private static void AssertTime(object? node, DateTime expected)
    {
        var actual = node is DateTime time ? time.ToUniversalTime() : DateTime.Parse(node!.ToString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        actual.ShouldBe(expected);
    }

    private static Dictionary<string, object?> Map(object? node)
        => node.ShouldBeAssignableTo<Dictionary<object, object?>>()!.ToDictionary(p => (string)p.Key, p => p.Value, StringComparer.Ordinal);
}

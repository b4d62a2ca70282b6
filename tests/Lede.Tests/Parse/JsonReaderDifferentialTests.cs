using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lede.Parse;
using Lede.Tests.Parse.Legacy;

namespace Lede.Tests.Parse;

/// <summary>
/// The forward-only JSON readers against the JsonDocument ones they replaced, on generated well-formed documents: members in
/// any order, repeated, of the wrong type, escaped or not; both must give the same feed and the same warnings.
/// </summary>
public sealed class JsonReaderDifferentialTests
{
    private static readonly string[] Texts =
    [
        "", "   ", "Storm hits coast", "  padded  ", "café & <b>bold</b>", "<p>Hi <a href=\"/a?x=1&amp;y=2\">link</a><script>x()</script></p>",
        "line\nbreak\ttab", "😀 emoji", "\"quoted\" \\ back", "<img src=\"javascript:alert(1)\" onerror=\"x()\">", "87", " 640 ", "-3",
        "1.1", "https://jsonfeed.org/version/1.1", "https://jsonfeed.org/version/1/", "2021-09-16T20:13:00Z", "Thu, 16 Sep 2021 20:13:00 GMT",
        "yesterday", "https://example.org/a", "/relative/path", "relative", "javascript:alert(1)", "mailto:me@example.com", "VIDEO",
    ];

    private static readonly string[] FeedMembers =
        ["version", "title", "description", "home_page_url", "feed_url", "language", "icon", "favicon", "author", "authors", "items", "unknown"];

    private static readonly string[] ItemMembers =
    [
        "id", "url", "external_url", "title", "content_html", "content_text", "summary", "date_published", "date_modified", "image",
        "banner_image", "attachments", "author", "authors", "tags", "extra",
    ];

    private static readonly string[] NewsMembers =
    [
        "id", "title", "excerpt", "heat", "tags", "type", "webUrl", "url", "ampWebUrl", "cdnAmpWebUrl", "publishedDateTime", "updatedDateTime",
        "provider", "images", "locale", "categories", "topics", "other",
    ];

    [Fact]
    public void Generated_documents_read_as_the_JsonDocument_readers_read_them()
    {
        for (var seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var json = Document(random);
            var bytes = Encoding.UTF8.GetBytes(json);
            var url = random.Next(2) == 0 ? null : new Uri("https://example.com/feeds/x.json");
            var expected = LegacyJsonParser.Parse(bytes, url?.AbsoluteUri);
            var actual = FeedParser.Parse(new FeedInput(bytes, null, url));
            Dump(actual).ShouldBe(Dump(expected), $"seed {seed}: {json}");
        }
    }

    private static string Dump(ParseResult result) => JsonSerializer.Serialize(result);

    private static string Document(Random r) => r.Next(10) switch
    {
        0 or 1 => Array(r, () => News(r)),
        2 or 3 => Object(r, ["news", "title", "other"], name => name == "news" ? Array(r, () => News(r)) : Value(r)),
        4 => Object(r, ["value", "news", "items", "title"], name => name is "value" or "news" ? Array(r, () => News(r)) : name == "items" ? Array(r, () => Item(r)) : Value(r)),
        _ => Object(r, FeedMembers, name => FeedMember(r, name)),
    };

    private static string FeedMember(Random r, string name) => r.Next(5) == 0 ? Value(r) : name switch
    {
        "items" => Array(r, () => Item(r)),
        "author" => Object(r, ["name", "url"], _ => Value(r)),
        "authors" => Array(r, () => Object(r, ["name", "url"], _ => Value(r))),
        _ => Str(r),
    };

    private static string Item(Random r) => r.Next(12) == 0 ? Value(r) : Object(r, ItemMembers, name => r.Next(6) == 0 ? Value(r) : name switch
    {
        "attachments" => Array(r, () => Object(r, ["url", "mime_type", "size_in_bytes"], m => m == "size_in_bytes" && r.Next(2) == 0 ? Number(r) : Str(r))),
        "author" => Object(r, ["name"], _ => Value(r)),
        "authors" => Array(r, () => r.Next(4) == 0 ? Value(r) : Object(r, ["name"], _ => Value(r))),
        "tags" => Array(r, () => Value(r)),
        _ => Str(r),
    });

    private static string News(Random r) => r.Next(12) == 0 ? Value(r) : Object(r, NewsMembers, name => r.Next(6) == 0 ? Value(r) : name switch
    {
        "heat" => r.Next(2) == 0 ? Number(r) : Str(r),
        "provider" => Object(r, ["name", "domain"], _ => Value(r)),
        "images" => Array(r, () => Object(r, ["url", "title", "width", "height"], m => m is "width" or "height" && r.Next(2) == 0 ? Number(r) : Str(r))),
        "tags" or "categories" or "topics" => Array(r, () => r.Next(3) == 0 ? Object(r, ["name", "title"], _ => Value(r)) : Value(r)),
        _ => Str(r),
    });

    /// <summary>Some of the members in random order, one of them sometimes twice.</summary>
    private static string Object(Random r, string[] names, Func<string, string> value)
    {
        var chosen = names.Where(_ => r.Next(4) != 0).OrderBy(_ => r.Next()).ToList();
        if (chosen.Count > 0 && r.Next(8) == 0) chosen.Insert(r.Next(chosen.Count + 1), chosen[r.Next(chosen.Count)]);
        return "{" + string.Join(",", chosen.Select(n => $"{Key(r, n)}{Colons[r.Next(Colons.Length)]}{value(n)}")) + "}";
    }

    /// <summary>Space around the colon: the reader, and the skips of long escaped strings, must read past it alike.</summary>
    private static readonly string[] Colons = [":", ": ", " :\n "];

    private static string Key(Random r, string name) => r.Next(20) == 0 ? "\"\\u00" + ((int)name[0]).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + name[1..] + "\"" : "\"" + name + "\"";

    private static string Array(Random r, Func<string> element)
        => "[" + string.Join(", ", Enumerable.Range(0, r.Next(4)).Select(_ => element())) + "]";

    private static string Value(Random r) => r.Next(7) switch
    {
        0 => Str(r),
        1 => Number(r),
        2 => "true",
        3 => "null",
        4 => "{\"name\": " + Str(r) + ", \"deep\": [[{}]]}",
        5 => "[" + Str(r) + ", 1]",
        _ => "false",
    };

    private static string Number(Random r) => r.Next(5) switch
    {
        0 => "-5",
        1 => "1.5",
        2 => "1e3",
        3 => "12345678901234",
        _ => r.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Str(Random r)
    {
        var text = Texts[r.Next(Texts.Length)];
        return JsonSerializer.Serialize(text, r.Next(2) == 0 ? JsonSerializerOptions.Default : Relaxed);
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

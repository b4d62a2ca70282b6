using System.Text;
using System.Text.Json;
using Lede.Parse;

namespace Lede.Tests.Parse;

/// <summary>Long escaped strings read past without the reader's validation: same values, same errors as a plain read.</summary>
public sealed class JsonSkipsTests
{
    private static readonly string LongHtml = string.Concat(Enumerable.Repeat("<p>café \"quoted\" <a href=\"/a\">link</a></p>", 4));

    private static string Item(int id, string separator = ": ")
        => $"{{\"id\"{separator}\"{id}\",\"title\"{separator}{JsonSerializer.Serialize("Title " + LongHtml)},\"content_html\"{separator}{JsonSerializer.Serialize(LongHtml)}}}";

    private static ParseResult Parse(string json) => FeedParser.Parse(new FeedInput(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData(": ")]
    [InlineData(":")]
    [InlineData(" :\n\t ")]
    public void Long_escaped_strings_read_the_same_whatever_the_space_around_the_colon(string separator)
    {
        var json = $"{{\"version\":\"https://jsonfeed.org/version/1.1\",\"home_page_url\":\"https://e.org/\",\"items\":[{Item(1, separator)},{Item(2, separator)}],\"title\":\"After\"}}";
        var feed = Parse(json).Feed.ShouldNotBeNull();
        feed.Title.ShouldBe("After");
        feed.Items.Select(i => i.Id).ShouldBe(["1", "2"]);
        feed.Items[1].Title.ShouldNotBeNull().ShouldStartWith("Title café \"quoted\" link");
        feed.Items[1].Content.ShouldNotBeNull().ShouldContain("<a href=\"https://e.org/a\" rel=\"noopener noreferrer\">link</a>");
    }

    [Fact]
    public void An_error_after_a_skipped_string_is_reported_where_a_plain_read_finds_it()
    {
        var json = $"{{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{Item(1)},{Item(2)} oops]}}";
        var result = Parse(json);
        result.Feed.ShouldNotBeNull().Items.Count.ShouldBe(2);
        var plain = PlainReadError(json);
        plain.ShouldContain("BytePositionInLine");
        result.Warnings.ShouldContain(w => w.Kind == "other" && w.Message.Contains(plain, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\\x")]
    [InlineData("\\u12G4")]
    [InlineData("\u0001")]
    public void A_string_with_a_bad_escape_or_a_control_character_is_the_reader_s_error(string bad)
    {
        var json = $"{{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{Item(1)},{{\"id\":\"2\",\"content_html\":\"{LongHtml.Replace("\"", "\\\"", StringComparison.Ordinal)}{bad}\"}}]}}";
        var result = Parse(json);
        var plain = PlainReadError(json);
        result.Feed.ShouldNotBeNull().Items.Select(i => i.Id).ShouldBe(["1"]);
        result.Warnings.ShouldContain(w => w.Message.Contains(plain, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\\u003Cp\\u003Ecaf\\u00E9 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t")]
    [InlineData("pair \\uD83D\\uDE00 lone high \\uD83D then text, lone low \\uDE00, high then high \\uD83D\\uD83D\\uDE00")]
    [InlineData("raw UTF-8 caf\u00e9 \u00fcber \U0001F600 and a long ASCII run without any escape at all in it \\u0021")]
    public void A_skipped_string_unescapes_as_a_string_the_reader_read(string escapedContent)
    {
        var content = string.Concat(Enumerable.Repeat(escapedContent + " ", 4));
        var bytes = Encoding.UTF8.GetBytes($"{{\"a\": \"{content}\", \"b\": 1}}");
        var (text, next) = JsonSkips.Read<(string?, string?)>(bytes, JsonValues.Options, (ref Utf8JsonReader r) =>
        {
            r.Read();
            r.Read();
            var skipped = JsonSkips.TrySkipString(ref r, out var chars, out var start, out var length) ? new string(chars, start, length) : null;
            r.Read();
            return (skipped, r.GetString());
        });
        next.ShouldBe("b");
        text.ShouldBe(Unescaped(bytes.AsSpan(7, Encoding.UTF8.GetByteCount(content))));
    }

    [Fact]
    public void Invalid_UTF8_in_a_skipped_string_becomes_replacement_characters()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("\\u003Cp\\u003E text ", 8)));
        byte[] bytes = [.. "{\"a\": \""u8, .. content, 0xE2, 0x82, (byte)' ', 0xFF, .. content, .. "\"}"u8];
        var skipped = JsonSkips.Read<string?>(bytes, JsonValues.Options, (ref Utf8JsonReader r) =>
        {
            r.Read();
            r.Read();
            return JsonSkips.TrySkipString(ref r, out var chars, out var start, out var length) ? new string(chars, start, length) : null;
        });
        skipped.ShouldBe(Unescaped(bytes.AsSpan(7, bytes.Length - 9)));
        skipped.ShouldNotBeNull().ShouldContain('\uFFFD');
    }

    /// <summary>A string's raw bytes as the readers unescape a string <see cref="Utf8JsonReader"/> read itself.</summary>
    private static string Unescaped(ReadOnlySpan<byte> raw)
    {
        var chars = new char[raw.Length];
        return new string(chars, 0, JsonValues.Unescape(raw, chars));
    }

    private static string PlainReadError(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), JsonValues.Options);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return e.Message;
        }

        throw new InvalidOperationException("the document is well-formed");
    }
}

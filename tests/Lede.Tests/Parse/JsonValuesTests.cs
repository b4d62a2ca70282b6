using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Lede.Parse;

namespace Lede.Tests.Parse;

public sealed class JsonValuesTests
{
    private static readonly string[] Pieces =
        ["a", "é", "😀", "<p>", "</p>", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f", "\u0001", "\u2028", "&amp;", " ", "中文", "\u00A0"];

    [Fact]
    public void Unescaping_reads_every_string_as_System_Text_Json_does()
        => Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Gen.Elements(Pieces).ArrayOf().Select(string.Concat).ToArbitrary(), text =>
        {
            // Both the default (HTML-escaping) encoder and the relaxed one, so \u003C and raw '<' are both read.
            foreach (var options in (JsonSerializerOptions[])[new(), new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }])
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(text, options);
                var chars = new char[json.Length];
                var length = JsonValues.Unescape(json.AsSpan(1, json.Length - 2), chars);
                new string(chars, 0, length).ShouldBe(text);
            }
        }));

    [Theory]
    [InlineData("\"\\ud83d\\ude00 \\u00e9\\/\\\"\"", "😀 é/\"")]
    [InlineData("\"lone \\ud83d and \\ude00 end\"", "lone \uFFFD and \uFFFD end")]
    public void Escapes_and_surrogates_are_read_and_a_lone_surrogate_is_replaced(string json, string expected)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var chars = new char[bytes.Length];
        new string(chars, 0, JsonValues.Unescape(bytes.AsSpan(1, bytes.Length - 2), chars)).ShouldBe(expected);
    }

    [Fact]
    public void Html_content_is_unescaped_and_sanitized()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("{\"content_html\": \"\\u003Cp onclick=\\u0022x()\\u0022\\u003Eca\\u00e9 \\u003Ca href=\\\"/a\\\"\\u003El\\u003C/a\\u003E\\u003C/p\\u003E\"}");
        var reader = new Utf8JsonReader(json, JsonValues.Options);
        reader.Read();
        reader.Read();
        reader.Read();
        var html = JsonValues.Html(ref reader);
        JsonValues.Sanitize(html, json, "https://e.com/").ShouldBe("<p>caé <a href=\"https://e.com/a\" rel=\"noopener noreferrer\">l</a></p>");
        JsonValues.Sanitize(null, json, null).ShouldBeNull();
    }
}

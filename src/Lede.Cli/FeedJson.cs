using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Lede.Parse;

namespace Lede.Cli;

/// <summary>Writes a parse result as the JSON object of <c>lede feed parse</c>.</summary>
internal static class FeedJson
{
    // Letters of every script stay readable; HTML-sensitive characters (< > & ' ") are still escaped.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static string Write(string file, ParseResult? result, string? error, bool indented)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = Encoder }))
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            if (result?.Feed is { } feed)
            {
                WriteFeed(w, feed);
            }
            else
            {
                w.WriteString("error", error ?? result?.Error ?? "no feed");
            }

            if (result is not null)
            {
                w.WriteStartArray("warnings");
                foreach (var warning in result.Warnings)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", warning.Kind);
                    w.WriteString("message", warning.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteFeed(Utf8JsonWriter w, Feed feed)
    {
        w.WriteString("format", feed.Format);
        w.WriteString("version", feed.Version);
        w.WriteString("title", feed.Title);
        w.WriteString("description", feed.Description);
        w.WriteString("link", feed.Link);
        w.WriteString("feedLink", feed.FeedLink);
        w.WriteString("language", feed.Language);
        w.WriteString("copyright", feed.Copyright);
        w.WriteString("generator", feed.Generator);
        WriteImage(w, feed.Image, withTitle: true);
        WriteDate(w, "updated", feed.Updated);
        WriteDate(w, "published", feed.Published);
        WritePeople(w, feed.Authors);
        WriteStrings(w, "categories", feed.Categories);
        w.WriteStartArray("items");
        foreach (var item in feed.Items)
        {
            w.WriteStartObject();
            w.WriteString("id", item.Id);
            w.WriteString("guid", item.Guid);
            w.WriteString("title", item.Title);
            w.WriteString("description", item.Description);
            w.WriteString("content", item.Content);
            w.WriteString("link", item.Link);
            WriteDate(w, "published", item.Published);
            WriteDate(w, "updated", item.Updated);
            WritePeople(w, item.Authors);
            WriteStrings(w, "categories", item.Categories);
            w.WriteStartArray("enclosures");
            foreach (var e in item.Enclosures)
            {
                w.WriteStartObject();
                w.WriteString("url", e.Url);
                w.WriteString("type", e.Type);
                if (e.Length is { } length) w.WriteNumber("length", length);
                else w.WriteNull("length");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteImage(w, item.Image, withTitle: false);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteImage(Utf8JsonWriter w, FeedImage? image, bool withTitle)
    {
        if (image is null)
        {
            w.WriteNull("image");
            return;
        }

        w.WriteStartObject("image");
        w.WriteString("url", image.Url);
        if (withTitle) w.WriteString("title", image.Title);
        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateTime? date)
        => w.WriteString(name, date?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private static void WritePeople(Utf8JsonWriter w, IReadOnlyList<FeedPerson> people)
    {
        w.WriteStartArray("authors");
        foreach (var p in people)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Name);
            w.WriteString("email", p.Email);
            w.WriteString("uri", p.Uri);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}

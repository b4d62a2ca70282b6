using System.Globalization;
using System.Text;

namespace Lede.Records;

/// <summary>Writes an <see cref="ArticleRecord"/> in the exact layout of spec/FORMAT.md.</summary>
/// <remarks>
/// The output is canonical: the same record always gives the same bytes, and a record read from a
/// canonical file writes back byte for byte. Lines end with LF; the file is UTF-8 without a BOM.
/// </remarks>
public static class RecordWriter
{
    /// <summary>The record as text.</summary>
    public static string Write(ArticleRecord record)
    {
        var w = new Lines();
        w.Line("---");
        w.Field(0, "category", record.Category, Style.Plain);
        w.Field(0, "title", record.Title, Style.Quoted);
        w.Field(0, "excerpt", record.Excerpt, Style.Quoted);
        w.Field(0, "publishedDateTime", FormatTime(record.PublishedDateTime), Style.Verbatim);
        w.Field(0, "originalUrl", record.OriginalUrl, Style.Quoted);
        w.Field(0, "webUrl", record.WebUrl, Style.Quoted);
        w.OptionalField(0, "ampWebUrl", record.AmpWebUrl);
        w.OptionalField(0, "cdnAmpWebUrl", record.CdnAmpWebUrl);
        w.Field(0, "type", FormatType(record.Type), Style.Verbatim);
        w.Field(0, "quality", FormatInt(record.Quality), Style.Verbatim);
        w.Field(0, "heat", FormatInt(record.Heat), Style.Verbatim);
        w.Field(0, "published", record.Published ? "true" : "false", Style.Verbatim);

        w.Line("");
        w.Line("provider:");
        WriteProvider(w, 2, record.Provider);

        if (record.Topics.Count > 0)
        {
            w.Line("");
            w.Line("topics:");
            foreach (var topic in record.Topics)
            {
                w.Item(2, topic);
            }
        }

        if (record.Images.Count > 0)
        {
            w.Line("");
            w.Line("images:");
            WriteImages(w, 2, record.Images);
        }

        if (record.Related.Count > 0)
        {
            w.Line("");
            w.Line("related:");
            foreach (var related in record.Related)
            {
                WriteRelated(w, 2, related);
            }
        }

        if (record.Secured is not null)
        {
            w.Line("");
            w.Field(0, "secured", record.Secured.ToString(), Style.Quoted);
        }

        w.Line("---");
        return w.ToString() + record.Body;
    }

    /// <summary>The record as UTF-8 bytes, without a byte order mark.</summary>
    public static byte[] WriteBytes(ArticleRecord record) => Encoding.UTF8.GetBytes(Write(record));

    /// <summary>A time as records write it: UTC, whole seconds, <c>Z</c>.</summary>
    public static string FormatTime(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The type as records write it.</summary>
    public static string FormatType(ArticleType type) => type == ArticleType.Video ? "video" : "article";

    private static string FormatInt(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteRelated(Lines w, int indent, RelatedEntry related)
    {
        // The first field carries the list marker; the rest align with it.
        w.Field(indent, "- title", related.Title, Style.Quoted);
        var inner = indent + 2;
        w.Field(inner, "excerpt", related.Excerpt, Style.Quoted);
        w.Field(inner, "publishedDateTime", FormatTime(related.PublishedDateTime), Style.Verbatim);
        w.Field(inner, "webUrl", related.WebUrl, Style.Quoted);
        w.OptionalField(inner, "ampWebUrl", related.AmpWebUrl);
        w.OptionalField(inner, "cdnAmpWebUrl", related.CdnAmpWebUrl);
        w.Field(inner, "type", FormatType(related.Type), Style.Verbatim);
        w.Line(new string(' ', inner) + "provider:");
        WriteProvider(w, inner + 2, related.Provider);
        w.Field(inner, "quality", FormatInt(related.Quality), Style.Verbatim);
        if (related.Images.Count > 0)
        {
            w.Line(new string(' ', inner) + "images:");
            WriteImages(w, inner + 2, related.Images);
        }
    }

    private static void WriteProvider(Lines w, int indent, ProviderRef provider)
    {
        w.Field(indent, "name", provider.Name, Style.Plain);
        w.Field(indent, "domain", provider.Domain, Style.Plain);
    }

    private static void WriteImages(Lines w, int indent, IReadOnlyList<RecordImage> images)
    {
        foreach (var image in images)
        {
            w.Field(indent, "- url", image.Url, Style.Quoted);
            var inner = indent + 2;
            if (image.Width is { } width)
            {
                w.Field(inner, "width", FormatInt(width), Style.Verbatim);
            }

            if (image.Height is { } height)
            {
                w.Field(inner, "height", FormatInt(height), Style.Verbatim);
            }

            w.Field(inner, "isCached", image.IsCached ? "true" : "false", Style.Verbatim);
        }
    }

    private enum Style
    {
        /// <summary>Always double-quoted.</summary>
        Quoted,
        /// <summary>Plain unless YAML would read it differently.</summary>
        Plain,
        /// <summary>A number, boolean or time the writer formatted itself.</summary>
        Verbatim,
    }

    private sealed class Lines
    {
        private readonly StringBuilder _sb = new(4096);

        public void Line(string text) => _sb.Append(text).Append('\n');

        public void Field(int indent, string key, string value, Style style)
        {
            _sb.Append(' ', indent).Append(key).Append(": ");
            switch (style)
            {
                case Style.Quoted:
                    YamlScalar.AppendQuoted(_sb, value);
                    break;
                case Style.Plain:
                    YamlScalar.AppendPlainOrQuoted(_sb, value);
                    break;
                default:
                    _sb.Append(value);
                    break;
            }

            _sb.Append('\n');
        }

        public void OptionalField(int indent, string key, string? value)
        {
            if (value is not null)
            {
                Field(indent, key, value, Style.Quoted);
            }
        }

        public void Item(int indent, string value)
        {
            _sb.Append(' ', indent).Append("- ");
            YamlScalar.AppendPlainOrQuoted(_sb, value);
            _sb.Append('\n');
        }

        public override string ToString() => _sb.ToString();
    }
}

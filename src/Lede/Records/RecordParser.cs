using System.Globalization;

namespace Lede.Records;

/// <summary>Reads the front matter lines of one record in the order FORMAT.md lays them out.</summary>
internal sealed class RecordParser(IReadOnlyList<YamlLine> lines)
{
    private int _pos;

    public ArticleRecord Parse()
    {
        var category = Text(0, "category");
        var title = Text(0, "title");
        var excerpt = Text(0, "excerpt");
        var published = Time(0, "publishedDateTime");
        var originalUrl = Text(0, "originalUrl");
        var webUrl = Text(0, "webUrl");
        var ampWebUrl = OptionalText(0, "ampWebUrl");
        var cdnAmpWebUrl = OptionalText(0, "cdnAmpWebUrl");
        var type = Type(0);
        var quality = Integer(0, "quality", 0, 100);
        var heat = Integer(0, "heat", -1, int.MaxValue);
        var isPublished = Boolean(0, "published");
        var provider = Provider(0);
        var topics = Section(0, "topics", TopicItem);
        var images = Section(0, "images", Image);
        var related = Section(0, "related", Related);
        var secured = Secured();
        if (Peek() is { } extra)
        {
            throw new RecordFormatException(extra.Number, $"expected the end of the front matter, found {extra.Describe()}");
        }

        return new ArticleRecord
        {
            Category = category,
            Title = title,
            Excerpt = excerpt,
            PublishedDateTime = published,
            OriginalUrl = originalUrl,
            WebUrl = webUrl,
            AmpWebUrl = ampWebUrl,
            CdnAmpWebUrl = cdnAmpWebUrl,
            Type = type,
            Quality = quality,
            Heat = heat,
            Published = isPublished,
            Provider = provider,
            Topics = topics,
            Images = images,
            Related = related,
            Secured = secured,
        };
    }

    private RelatedEntry Related(int indent) => new()
    {
        Title = Text(indent, "title", startsItem: true),
        Excerpt = Text(indent, "excerpt"),
        PublishedDateTime = Time(indent, "publishedDateTime"),
        WebUrl = Text(indent, "webUrl"),
        AmpWebUrl = OptionalText(indent, "ampWebUrl"),
        CdnAmpWebUrl = OptionalText(indent, "cdnAmpWebUrl"),
        Type = Type(indent),
        Provider = Provider(indent),
        Quality = Integer(indent, "quality", 0, 100),
        Images = Section(indent, "images", Image),
    };

    private RecordImage Image(int indent)
    {
        var url = Text(indent, "url", startsItem: true);
        int? width = Has(indent, "width") ? Integer(indent, "width", 0, int.MaxValue) : null;
        int? height = Has(indent, "height") ? Integer(indent, "height", 0, int.MaxValue) : null;
        return new RecordImage(url, width, height, Boolean(indent, "isCached"));
    }

    private string TopicItem(int indent)
    {
        var line = Next(indent, null, "a topic name", startsItem: true);
        return YamlValue.Scalar(line) ?? throw new RecordFormatException(line.Number, "expected a topic name");
    }

    private ProviderRef Provider(int indent)
    {
        var header = Next(indent, "provider", "'provider:'");
        if (header.Value.Length > 0 && !YamlValue.IsComment(header.Value))
        {
            throw new RecordFormatException(header.Number, "expected 'name:' and 'domain:' on the lines below 'provider:'");
        }

        var child = ChildIndent(header, "'name:'");
        return new ProviderRef(Text(child, "name"), Text(child, "domain"));
    }

    /// <summary>An optional list section; absent, <c>key: []</c> and no items all read as empty.</summary>
    private List<T> Section<T>(int indent, string key, Func<int, T> item)
    {
        var items = new List<T>();
        if (!Has(indent, key))
        {
            return items;
        }

        var header = Next(indent, key, $"'{key}:'");
        var value = header.Value.Trim();
        if (value == "[]")
        {
            return items;
        }

        if (value.Length > 0 && !YamlValue.IsComment(value))
        {
            throw new RecordFormatException(header.Number, $"expected the items of '{key}:' on the lines below it");
        }

        var child = ChildIndent(header, $"a list item under '{key}:'");
        while (Peek() is { StartsItem: true } next && next.Indent == child)
        {
            items.Add(item(child));
        }

        if (items.Count == 0)
        {
            throw new RecordFormatException(header.Number, $"expected list items ('- ') under '{key}:'");
        }

        return items;
    }

    private SecuredValue? Secured()
    {
        if (!Has(0, "secured"))
        {
            return null;
        }

        var line = Peek()!;
        var text = Text(0, "secured");
        return SecuredValue.TryParse(text, out var value, out var error)
            ? value
            : throw new RecordFormatException(line.Number, $"secured: {error}");
    }

    private string Text(int indent, string key, bool startsItem = false)
    {
        var line = Next(indent, key, $"'{key}:'", startsItem);
        return YamlValue.Scalar(line) ?? throw new RecordFormatException(line.Number, $"expected a value for '{key}:' on the same line");
    }

    private string? OptionalText(int indent, string key) => Has(indent, key) ? Text(indent, key) : null;

    private DateTime Time(int indent, string key)
    {
        var line = Next(indent, key, $"'{key}:'");
        return YamlValue.Time(line);
    }

    private int Integer(int indent, string key, int min, int max)
    {
        var line = Next(indent, key, $"'{key}:'");
        return YamlValue.Integer(line, min, max);
    }

    private bool Boolean(int indent, string key)
    {
        var line = Next(indent, key, $"'{key}:'");
        return YamlValue.Boolean(line);
    }

    private ArticleType Type(int indent)
    {
        var line = Next(indent, "type", "'type:'");
        return YamlValue.Plain(line) switch
        {
            "article" => ArticleType.Article,
            "video" => ArticleType.Video,
            _ => throw new RecordFormatException(line.Number, "expected 'article' or 'video' for 'type:'"),
        };
    }

    private int ChildIndent(YamlLine header, string expected)
    {
        if (Peek() is { } next && next.Indent > header.Indent)
        {
            return next.Indent;
        }

        throw new RecordFormatException(Peek()?.Number ?? header.Number, $"expected {expected} indented below '{header.Key}:'");
    }

    private bool Has(int indent, string key) => Peek() is { StartsItem: false } line && line.Indent == indent && line.Key == key;

    private YamlLine? Peek()
    {
        var line = _pos < lines.Count ? lines[_pos] : null;
        return line?.Error is { } error ? throw new RecordFormatException(line.Number, error) : line;
    }

    /// <summary>Takes the next line, which must be <paramref name="key"/> at <paramref name="indent"/>.</summary>
    private YamlLine Next(int indent, string? key, string expected, bool startsItem = false)
    {
        var line = Peek();
        if (line is null)
        {
            var last = lines.Count > 0 ? lines[^1].Number : 1;
            throw new RecordFormatException(last, $"expected {expected}, but the front matter ended");
        }

        if (line.Key != key || line.Indent != indent || line.StartsItem != startsItem)
        {
            var where = line.Indent != indent && line.Key == key ? $" at indent {indent.ToString(CultureInfo.InvariantCulture)}" : "";
            throw new RecordFormatException(line.Number, $"expected {expected}{where}, found {line.Describe()}");
        }

        _pos++;
        return line;
    }
}

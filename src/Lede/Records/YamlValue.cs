using System.Globalization;

namespace Lede.Records;

/// <summary>Turns the value text of one front matter line into a string, number, boolean or time.</summary>
internal static class YamlValue
{
    /// <summary>The string value: double-quoted, single-quoted or plain; null when the line has no value.</summary>
    public static string? Scalar(YamlLine line)
    {
        var text = line.Value;
        if (text.Length == 0 || IsComment(text))
        {
            return null;
        }

        try
        {
            return text[0] switch
            {
                '"' => AfterQuoted(YamlScalar.ReadQuoted(text, 0, out var end), text, end),
                '\'' => AfterQuoted(YamlScalar.ReadSingleQuoted(text, 0, out var end), text, end),
                '|' or '>' => throw new FormatException("expected the value on one line (block scalars are not part of the format)"),
                '[' or '{' => throw new FormatException("expected a single value, found a YAML flow collection"),
                '&' or '*' or '!' => throw new FormatException("expected a plain value (anchors, aliases and tags are not part of the format)"),
                _ => PlainText(text),
            };
        }
        catch (FormatException e)
        {
            throw new RecordFormatException(line.Number, e.Message);
        }
    }

    /// <summary>The plain (unquoted) value, for numbers, booleans, times and the type.</summary>
    public static string Plain(YamlLine line)
    {
        var text = line.Value;
        return text.Length == 0 || text[0] is '"' or '\'' ? "" : PlainText(text);
    }

    public static bool IsComment(string text) => text.TrimStart(' ').StartsWith('#');

    public static int Integer(YamlLine line, int min, int max)
    {
        var plain = Plain(line);
        if (!int.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new RecordFormatException(line.Number, $"expected an integer for '{line.Key}:', found '{RecordReader.Shorten(line.Value.Trim())}'");
        }

        if (value < min || value > max)
        {
            var range = max == int.MaxValue ? $"{min} or more" : $"{min} to {max}";
            throw new RecordFormatException(line.Number, $"expected '{line.Key}:' to be {range}, found {plain}");
        }

        return value;
    }

    public static bool Boolean(YamlLine line) => Plain(line) switch
    {
        "true" => true,
        "false" => false,
        _ => throw new RecordFormatException(line.Number, $"expected true or false for '{line.Key}:', found '{RecordReader.Shorten(line.Value.Trim())}'"),
    };

    /// <summary>A UTC time with whole seconds; an offset other than Z is converted to UTC.</summary>
    public static DateTime Time(YamlLine line)
    {
        var plain = Plain(line);
        if (plain.Length >= 20 && plain[10] == 'T'
            && DateTimeOffset.TryParseExact(plain, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:sszzz"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.UtcDateTime;
        }

        throw new RecordFormatException(line.Number, $"expected a UTC time like 2021-09-16T20:13:00Z for '{line.Key}:', found '{RecordReader.Shorten(line.Value.Trim())}'");
    }

    private static string AfterQuoted(string value, string text, int end)
    {
        var rest = text[end..].Trim(' ');
        if (rest.Length > 0 && !rest.StartsWith('#'))
        {
            throw new FormatException($"expected the end of the line after the closing quote, found '{RecordReader.Shorten(rest)}'");
        }

        return value;
    }

    private static string PlainText(string text)
    {
        // A comment starts at ' #'; the value ends before it.
        var comment = text.IndexOf(" #", StringComparison.Ordinal);
        return (comment >= 0 ? text[..comment] : text).TrimEnd(' ');
    }
}

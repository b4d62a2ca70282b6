using System.Text;

namespace Lede.Records;

/// <summary>Reads a record (spec/FORMAT.md): YAML front matter in the format's fixed layout, then the body.</summary>
/// <remarks>
/// The layout is strict (fields in order, nothing unknown), the scalars liberal (plain, single- or
/// double-quoted; comments and blank lines anywhere), so that any valid YAML rendering of a record reads.
/// <c>lede records check</c> reports whether a file is also in the canonical form the writer gives.
/// </remarks>
public static class RecordReader
{
    private const string Delimiter = "---";

    /// <summary>Reads a record file; a file that is not UTF-8 or not a record gives a problem, not an exception.</summary>
    public static async Task<RecordReadResult> ReadFileAsync(string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        return Read(bytes, path);
    }

    /// <summary>Reads a record from its bytes, which must be UTF-8.</summary>
    public static RecordReadResult Read(ReadOnlySpan<byte> bytes, string source)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            return Read(strict.GetString(bytes), source);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" at byte {e.Index}" : "";
            return RecordReadResult.Failure(new RecordProblem(source, 0, $"expected UTF-8 text, found an invalid byte sequence{at}"));
        }
    }

    /// <summary>Reads a record from its text.</summary>
    public static RecordReadResult Read(string text, string source)
    {
        try
        {
            var (lines, body) = Split(text);
            return RecordReadResult.Success(new RecordParser(lines).Parse() with { Body = body });
        }
        catch (RecordFormatException e)
        {
            return RecordReadResult.Failure(new RecordProblem(source, e.Line, e.Message));
        }
    }

    /// <summary>Splits the text into front matter lines and the body after the closing delimiter.</summary>
    private static (List<YamlLine> Lines, string Body) Split(string text)
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var lines = new List<YamlLine>();
        var number = 0;
        while (start <= text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var line = text[start..end].TrimEnd('\r');
            number++;
            if (number == 1 && line != Delimiter)
            {
                throw new RecordFormatException(1, "expected '---' to open the front matter");
            }

            if (number > 1 && line == Delimiter)
            {
                return (lines, newline < 0 ? "" : text[(newline + 1)..]);
            }

            if (number > 1)
            {
                Tokenize(line, number, lines);
            }

            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        throw new RecordFormatException(number, "expected a closing '---' line after the front matter");
    }

    private static void Tokenize(string line, int number, List<YamlLine> lines)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] == ' ')
        {
            indent++;
        }

        if (indent == line.Length || line[indent] == '#')
        {
            return; // blank line or comment
        }

        if (line[indent] == '\t')
        {
            lines.Add(new YamlLine(number, indent, false, null, "", "expected spaces for indentation, found a tab"));
            return;
        }

        var content = line[indent..];
        var startsItem = content == "-" || content.StartsWith("- ", StringComparison.Ordinal);
        if (startsItem)
        {
            var rest = content.Length > 1 ? content[2..] : "";
            var skipped = rest.Length - rest.TrimStart(' ').Length;
            indent += 2 + skipped;
            content = rest[skipped..];
        }

        var colon = KeyLength(content);
        if (colon > 0)
        {
            lines.Add(new YamlLine(number, indent, startsItem, content[..colon], content[(colon + 1)..].TrimStart(' ')));
        }
        else if (startsItem)
        {
            lines.Add(new YamlLine(number, indent, true, null, content));
        }
        else
        {
            lines.Add(new YamlLine(number, indent, false, null, content, $"expected 'key: value', found '{Shorten(content)}'"));
        }
    }

    /// <summary>Length of a leading <c>key</c> followed by <c>:</c> and a space or the end, else 0.</summary>
    private static int KeyLength(string content)
    {
        var i = 0;
        while (i < content.Length && (char.IsAsciiLetterOrDigit(content[i]) || content[i] == '_'))
        {
            i++;
        }

        var endsKey = i > 0 && i < content.Length && content[i] == ':' && (i + 1 == content.Length || content[i + 1] == ' ');
        return endsKey ? i : 0;
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

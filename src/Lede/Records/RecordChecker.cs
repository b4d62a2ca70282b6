using System.Text;
using Lede.Normalize;

namespace Lede.Records;

/// <summary>Validates record files: the format, the canonical layout, the fields' meaning, and what holds across files.</summary>
/// <remarks>Feed it every file of a set, then call <see cref="Finish"/> for the checks that need them all (related links are symmetric).</remarks>
public sealed class RecordChecker
{
    private readonly Dictionary<string, (string File, ArticleRecord Record, int RelatedLine)> _byWebUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<ArticleId, string> _byId = [];

    /// <summary>The problems of one file, given its bytes.</summary>
    public IEnumerable<RecordProblem> Check(string file, byte[] bytes)
    {
        var read = RecordReader.Read(bytes, file);
        if (read.Problem is not null)
        {
            return [read.Problem];
        }

        var record = read.Record!;
        var problems = new List<RecordProblem>();
        var text = Encoding.UTF8.GetString(bytes);
        if (NonCanonicalLine(text, RecordWriter.Write(record)) is { } line)
        {
            problems.Add(new RecordProblem(file, line.Number, $"not in canonical form: expected '{RecordReader.Shorten(line.Expected)}'"));
        }

        problems.AddRange(RecordRules.Check(record).Select(p => new RecordProblem(file, LineOf(text, p.Field), p.Message)));
        problems.AddRange(CheckName(file, record, LineOf(text, "related")));
        return problems;
    }

    /// <summary>Problems across the files checked so far: related links that are not returned.</summary>
    public IEnumerable<RecordProblem> Finish()
    {
        foreach (var (webUrl, (file, record, relatedLine)) in _byWebUrl)
        {
            foreach (var related in record.Related)
            {
                if (_byWebUrl.TryGetValue(related.WebUrl, out var other) && !other.Record.Related.Any(r => r.WebUrl == webUrl))
                {
                    yield return new RecordProblem(file, relatedLine,
                        $"related: lists {related.WebUrl} ({other.File}), which does not list this article back");
                }
            }
        }
    }

    private IEnumerable<RecordProblem> CheckName(string file, ArticleRecord record, int relatedLine)
    {
        if (!_byWebUrl.TryAdd(record.WebUrl, (file, record, relatedLine)))
        {
            yield return new RecordProblem(file, 0, $"webUrl {record.WebUrl} is also the webUrl of {_byWebUrl[record.WebUrl].File}");
        }

        if (file.EndsWith(".md", StringComparison.Ordinal))
        {
            var date = Path.GetFileName(file);
            var expected = RecordFileName.Jekyll(record, ArticleId.FromUrl(record.WebUrl))[..10];
            if (!date.StartsWith(expected, StringComparison.Ordinal))
            {
                yield return new RecordProblem(file, 0, $"expected a Jekyll post name starting with the publication date {expected}");
            }

            yield break;
        }

        if (!RecordFileName.TryParseId(file, out var id))
        {
            yield return new RecordProblem(file, 0, "expected a file name like NNN_<16 lowercase hex digits>.txt");
        }
        else if (!_byId.TryAdd(id, file))
        {
            yield return new RecordProblem(file, 0, $"id {id} is also the id of {_byId[id]}");
        }
    }

    /// <summary>The first line where the text differs from its canonical rendering, with the line expected there.</summary>
    private static (int Number, string Expected)? NonCanonicalLine(string text, string canonical)
    {
        if (text == canonical)
        {
            return null;
        }

        var actual = text.Split('\n');
        var expected = canonical.Split('\n');
        for (var i = 0; i < expected.Length; i++)
        {
            if (i >= actual.Length || actual[i] != expected[i])
            {
                return (i + 1, expected[i].Length > 0 ? expected[i] : "(an empty line)");
            }
        }

        return (expected.Length, "(the end of the file)");
    }

    /// <summary>The 1-based line where <paramref name="field"/> (a key, or <c>key.sub</c>) first appears; 0 when not found.</summary>
    private static int LineOf(string text, string field)
    {
        var key = field.Split('.')[0] + ":";
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart(' ', '-').StartsWith(key, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }
}

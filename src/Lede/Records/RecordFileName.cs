using System.Globalization;
using Lede.Normalize;
using Lede.Text;

namespace Lede.Records;

/// <summary>File names of records: <c>NNN_&lt;id&gt;.txt</c> in numbered exports, <c>_news/YYYY-MM-DD-&lt;slug&gt;.md</c> in Jekyll ones.</summary>
public static class RecordFileName
{
    /// <summary>The Jekyll collection folder the static news sites use.</summary>
    public const string JekyllCollection = "_news";

    /// <summary><c>NNN_&lt;id&gt;.txt</c>, the sequence zero-padded to <paramref name="digits"/> (at least three).</summary>
    public static string Numbered(int sequence, int digits, ArticleId id)
        => $"{sequence.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(3, digits), '0')}_{id}.txt";

    /// <summary>How many digits the sequence numbers of an export of <paramref name="count"/> records need.</summary>
    public static int DigitsFor(int count) => Math.Max(3, (count - 1).ToString(CultureInfo.InvariantCulture).Length);

    /// <summary>The id in a numbered file name, when the name is one.</summary>
    public static bool TryParseId(string path, out ArticleId id)
    {
        id = default;
        var name = Path.GetFileName(path);
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        return underscore >= 3
            && name.EndsWith(".txt", StringComparison.Ordinal)
            && name[..underscore].All(char.IsAsciiDigit)
            && ArticleId.TryParse(name[(underscore + 1)..^4], out id);
    }

    /// <summary>The Jekyll post name, <c>YYYY-MM-DD-&lt;slug&gt;.md</c>; the id stands in for a title with no Latin letters.</summary>
    public static string Jekyll(ArticleRecord record, ArticleId id)
    {
        var slug = Slug.From(record.Title);
        var date = record.PublishedDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{date}-{(slug.Length > 0 ? slug : id.ToString())}.md";
    }
}

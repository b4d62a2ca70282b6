using Lede.Text;

namespace Lede.Cluster;

public static partial class StoryCorpus
{
    /// <summary>Reads a CSV whose header names the columns (the UCI News Aggregator's <c>ID, TITLE, URL, PUBLISHER, STORY, TIMESTAMP</c>, or Lede's names).</summary>
    public static StoryCorpusResult ReadCsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<StoryCorpusEntry>();
        var warnings = new List<string>();
        var line = 0;
        var header = CsvRecords.Read(reader, ref line);
        if (header is null)
        {
            return new StoryCorpusResult(entries, ["no header line"]);
        }

        var columns = header.Select((name, i) => (name.Trim().ToLowerInvariant(), i)).GroupBy(c => c.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        int? Column(params string[] names) => names.Select(n => columns.TryGetValue(n.ToLowerInvariant(), out var i) ? i : (int?)null).FirstOrDefault(i => i is not null);
        var (id, title, text, url) = (Column("id", "doc_id"), Column("title"), Column("text"), Column("url"));
        var (provider, date, cluster) = (Column("provider", "publisher", "source"), Column(DateFields), Column(ClusterFields));
        if (id is null)
        {
            return new StoryCorpusResult(entries, ["the header has no id column"]);
        }

        for (var start = line + 1; CsvRecords.Read(reader, ref line) is { } record; start = line + 1)
        {
            string? Field(int? i) => i is { } k && k < record.Count && record[k].Length > 0 ? record[k] : null;
            if (record.Count == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (Field(id) is not { } docId)
            {
                warnings.Add($"line {start}: missing id");
                continue;
            }

            var published = ParseDate(Field(date));
            if (Field(date) is { } d && published is null)
            {
                warnings.Add($"line {start}: id {docId}: unreadable date '{d}', clustered without one");
            }

            var doc = new StoryDocument(docId, Field(title), Field(text) ?? "", published, Field(provider), Field(url));
            entries.Add(new StoryCorpusEntry(doc, Field(cluster), start));
        }

        return new StoryCorpusResult(entries, warnings);
    }
}

using System.Globalization;
using System.Text;
using Lede.Text;

namespace Lede.Classify;

/// <summary>Reads labelled documents: the BBC and AG News corpora as published, and Lede's JSON Lines.</summary>
public static partial class TopicCorpus
{
    /// <summary>BBC News: <c>DIR/&lt;class&gt;/&lt;n&gt;.txt</c>, the first line a title; DIR may also be the folder holding <c>bbc/</c>.</summary>
    public static TopicCorpusResult ReadBbc(string directory)
    {
        var warnings = new List<string>();
        var documents = new List<TopicDocument>();
        if (!Directory.Exists(directory))
        {
            return new TopicCorpusResult(documents, [$"{directory}: no such folder"]);
        }

        var classes = Directory.GetDirectories(directory).Order(StringComparer.Ordinal).ToList();
        if (classes.Count == 1 && Directory.GetFiles(classes[0], "*.txt").Length == 0)
        {
            return ReadBbc(classes[0]);
        }

        foreach (var folder in classes)
        {
            var label = Path.GetFileName(folder);
            foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
            {
                try
                {
                    var text = File.ReadAllText(file, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal);
                    var newline = text.IndexOf('\n', StringComparison.Ordinal);
                    var title = newline < 0 ? text : text[..newline];
                    var body = newline < 0 ? "" : text[(newline + 1)..];
                    documents.Add(new TopicDocument($"{label}/{Path.GetFileNameWithoutExtension(file)}", title.Trim(), body.Trim(), [label]));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    warnings.Add($"{file}: {e.Message}");
                }
            }
        }

        if (documents.Count == 0)
        {
            warnings.Add($"{directory}: no <class>/<n>.txt files");
        }

        return new TopicCorpusResult(documents, warnings);
    }

    /// <summary>AG News: <c>DIR/test.csv</c> (or a CSV file) with a header <c>label,title,description</c>, label names in <c>classes.txt</c>.</summary>
    public static TopicCorpusResult ReadAgNews(string path)
    {
        var csv = Directory.Exists(path) ? Path.Combine(path, "test.csv") : path;
        var classesFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csv)) ?? ".", "classes.txt");
        if (!File.Exists(csv))
        {
            return new TopicCorpusResult([], [$"{csv}: no such file"]);
        }

        var classes = File.Exists(classesFile) ? File.ReadAllLines(classesFile).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray() : [];
        var warnings = new List<string>();
        var documents = new List<TopicDocument>();
        var number = 0;
        var line = 0;
        using var reader = new StreamReader(csv, Encoding.UTF8);
        while (CsvRecords.Read(reader, ref line) is { } row)
        {
            if (row is [""])
            {
                continue;
            }

            number++;
            if (number == 1 && row.Count > 0 && row[0].Trim().Equals("label", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (row.Count < 3 || !int.TryParse(row[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var label) || label < 1)
            {
                warnings.Add($"{csv}: row {number}: expected label,title,description");
                continue;
            }

            var name = label <= classes.Length ? classes[label - 1] : label.ToString(CultureInfo.InvariantCulture);
            // The published files escape line breaks and dollar signs (\ and #36;).
            static string Clean(string s) => s.Replace("\\", " ", StringComparison.Ordinal).Replace("#36;", "$", StringComparison.Ordinal).Trim();
            documents.Add(new TopicDocument($"row-{number}", Clean(row[1]), Clean(row[2]), [name]));
        }

        return new TopicCorpusResult(documents, warnings);
    }
}

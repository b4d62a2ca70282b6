using System.Text.RegularExpressions;
using Lede.Tests.Support;

namespace Lede.Tests.Docs;

/// <summary>Keeps docs/reliability.md honest: every catalogue ID once, every test it names real, its counts right.</summary>
public sealed partial class ReliabilityCatalogueTests
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly string[] Statuses = ["covered", "partly", "n/a", "gap"];

    private static readonly Lazy<string> Document = new(() => File.ReadAllText(Path.Combine(Repo.Root, "docs", "reliability.md")));

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(() => [.. ReadRows(Document.Value)]);

    [Fact]
    public void Every_catalogue_id_has_exactly_one_row()
    {
        var expected = ExpectedIds(Document.Value);
        var rows = Rows.Value.Select(r => r.Id).ToList();

        expected.Count.ShouldBe(124);
        rows.Where(id => !expected.Contains(id)).ShouldBeEmpty("rows for IDs the catalogue does not have");
        expected.Where(id => rows.Count(r => r == id) != 1).ShouldBeEmpty("IDs without exactly one row");
    }

    [Fact]
    public void Every_row_has_a_status_and_every_covered_row_names_a_test()
    {
        foreach (var row in Rows.Value)
        {
            Statuses.Contains(row.Status, StringComparer.Ordinal).ShouldBeTrue($"{row.Id}: unknown status '{row.Status}'");
            if (row.Status == "covered")
            {
                row.Tests.ShouldNotBeEmpty($"{row.Id} is covered but names no test");
            }
        }
    }

    [Fact]
    public void Every_named_test_exists()
    {
        var sources = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var row in Rows.Value)
        {
            foreach (var test in row.Tests)
            {
                if (!sources.TryGetValue(test.Project, out var files))
                {
                    var folder = Path.Combine(Repo.Root, "tests", test.Project);
                    files = Directory.Exists(folder)
                        ? [.. Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                            .Select(File.ReadAllText)]
                        : [];
                    sources[test.Project] = files;
                }

                if (!files.Any(text => Declares(text, test.Class, test.Method)))
                {
                    missing.Add($"{row.Id}: {test.Project}: {test.Class}.{test.Method}");
                }
            }
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void The_summary_counts_the_rows()
    {
        foreach (var status in Statuses)
        {
            var match = Regex.Match(Document.Value, $@"^\| {Regex.Escape(status)} \| (?<count>\d+) \|", RegexOptions.Multiline, MatchTimeout);
            match.Success.ShouldBeTrue($"no summary line for {status}");
            int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBe(Rows.Value.Count(r => r.Status == status), status);
        }
    }

    /// <summary>A10: feed data cannot reach a shell when no code of Lede starts a process.</summary>
    [Fact]
    public void No_code_of_lede_starts_a_process()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f) is var text
                && (text.Contains("Process.Start", StringComparison.Ordinal) || text.Contains("ProcessStartInfo", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Repo.Root, f));

        offenders.ShouldBeEmpty();
    }

    private static bool Declares(string source, string type, string method)
        => Regex.IsMatch(source, $@"\b(?:class|record)\s+{Regex.Escape(type)}\b", RegexOptions.None, MatchTimeout)
            && Regex.IsMatch(source, $@"\b(?:void|Task)\s+{Regex.Escape(method)}\s*\(", RegexOptions.None, MatchTimeout);

    /// <summary>The IDs the document promises, from its line "Catalogue IDs: N1–N11, H1–H25, …".</summary>
    private static HashSet<string> ExpectedIds(string document)
    {
        var line = Regex.Match(document, @"^Catalogue IDs: (?<ids>.+)$", RegexOptions.Multiline, MatchTimeout);
        line.Success.ShouldBeTrue("the document lists its catalogue IDs");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match range in IdRange().Matches(line.Groups["ids"].Value))
        {
            var prefix = range.Groups["prefix"].Value;
            var last = int.Parse(range.Groups["last"].Value, System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 1; i <= last; i++)
            {
                ids.Add(prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return ids;
    }

    private static IEnumerable<Row> ReadRows(string document)
    {
        foreach (var line in document.Split('\n'))
        {
            var match = RowId().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var cells = line.Trim().Trim('|').Split(" | ");
            cells.Length.ShouldBe(5, $"{match.Groups["id"].Value}: a row has five cells");
            var id = match.Groups["id"].Value;
            var status = cells[4].Split(':')[0].Trim();
            var tests = NamedTest().Matches(cells[3]).Select(m => new TestName(m.Groups["project"].Value, m.Groups["type"].Value, m.Groups["method"].Value)).ToList();
            yield return new Row(id, status, tests);
        }
    }

    [GeneratedRegex(@"^\| (?<id>[A-Z][0-9]+) \|", RegexOptions.None, 1000)]
    private static partial Regex RowId();

    [GeneratedRegex(@"(?<project>Lede\.(?:[A-Za-z]+\.)?Tests): (?<type>[A-Za-z_][A-Za-z0-9_]*)\.(?<method>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.None, 1000)]
    private static partial Regex NamedTest();

    [GeneratedRegex(@"(?<prefix>[A-Z])1[–-]\k<prefix>?(?<last>[0-9]+)", RegexOptions.None, 1000)]
    private static partial Regex IdRange();

    private sealed record TestName(string Project, string Class, string Method);

    private sealed record Row(string Id, string Status, IReadOnlyList<TestName> Tests);
}

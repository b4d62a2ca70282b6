namespace Lede.Benchmarks;

/// <summary>Finds ../shared beside the repository from wherever the benchmark runs.</summary>
internal static class BenchData
{
    public static IEnumerable<string> SampleRecords()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var records = Path.Combine(dir.FullName, "..", "shared", "spec", "records");
            if (File.Exists(Path.Combine(dir.FullName, "Lede.slnx")) && Directory.Exists(records))
            {
                return Directory.GetFiles(records, "*.txt").Order(StringComparer.Ordinal);
            }
        }

        throw new DirectoryNotFoundException("../shared/spec/records beside the repository");
    }

    /// <summary>The repository root (the folder holding Lede.slnx).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lede.slnx"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("Lede.slnx above " + AppContext.BaseDirectory);
    }
}

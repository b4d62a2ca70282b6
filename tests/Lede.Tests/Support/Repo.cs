namespace Lede.Tests.Support;

/// <summary>Paths of the repository and of ../shared beside it, found from the test binaries.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>A path under ../shared, the project's specs and corpora; it must exist.</summary>
    public static string Shared(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", relative));
        if (!Path.Exists(path))
        {
            throw new DirectoryNotFoundException($"{path} is missing: the tests expect ../shared beside the repository");
        }

        return path;
    }

    public static IEnumerable<string> SampleRecords()
        => Directory.EnumerateFiles(Shared("spec/records"), "*.txt").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lede.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Lede.slnx above {AppContext.BaseDirectory}");
    }
}

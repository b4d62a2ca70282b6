namespace Lede.Records;

/// <summary>The record files named by command-line paths: files as given, folders searched for <c>*.txt</c> and <c>*.md</c>.</summary>
public static class RecordFiles
{
    /// <summary>Each path's files in ordinal name order; a path that does not exist yields a problem instead.</summary>
    public static IEnumerable<(string? File, RecordProblem? Problem)> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return (path, null);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in InFolder(path))
                {
                    yield return (file, null);
                }
            }
            else
            {
                yield return (null, new RecordProblem(path, 0, "no such file or folder"));
            }
        }
    }

    private static IEnumerable<string> InFolder(string folder)
    {
        // Hidden files and folders (.git, editor swap files) are never records.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }
}

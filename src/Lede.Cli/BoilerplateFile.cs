using System.Text.Json;
using Lede.Normalize;

namespace Lede.Cli;

/// <summary>
/// What the boilerplate detector has learned, kept beside the database between crawls, so that a site's repeated
/// description is recognised on its next article and not only within one crawl.
/// </summary>
internal static class BoilerplateFile
{
    /// <summary>The detector with the file's state; a missing or unreadable file starts empty (with a note for the latter).</summary>
    public static BoilerplateDetector Load(string path)
    {
        if (!File.Exists(path))
        {
            return new BoilerplateDetector();
        }

        try
        {
            return new BoilerplateDetector(state: JsonSerializer.Deserialize<List<BoilerplateEntry>>(File.ReadAllBytes(path)) ?? []);
        }
        catch (JsonException e)
        {
            Console.Error.WriteLine($"lede: {path} is not boilerplate state Lede can read ({e.Message}); starting afresh");
            return new BoilerplateDetector();
        }
    }

    /// <summary>Writes the detector's state atomically (temp file + rename).</summary>
    public static void Save(BoilerplateDetector detector, string path)
    {
        // Several processes (workers) may save at once: each writes its own temporary file, the last rename wins whole.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(detector.Snapshot()));
        File.Move(temp, path, overwrite: true);
    }
}

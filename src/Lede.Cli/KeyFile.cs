using Lede.Store;

namespace Lede.Cli;

/// <summary>Reads and writes the key file: one base64 key per line, readable by its owner only.</summary>
internal static class KeyFile
{
    /// <summary>The key ring from <c>LEDE_SECURED_KEY</c> or the file.</summary>
    /// <exception cref="CliException">Neither holds a key.</exception>
    public static KeyRing Load(string path)
        => KeyRing.Load(path) ?? throw new CliException($"no key: {path} does not exist and {KeyRing.EnvironmentVariable} is not set (create one with 'lede keys new')");

    /// <summary>Writes <paramref name="lines"/> as the whole file, atomically, mode 0600.</summary>
    public static void Write(string path, IEnumerable<string> lines)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write("# Lede secured-payload keys, oldest first; the last one seals new payloads. Keep this file secret and backed up.\n");
            foreach (var line in lines)
            {
                writer.Write(line + "\n");
            }

            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, full, overwrite: true);
    }

    /// <summary>The key lines of the file, in order (comments dropped).</summary>
    public static List<string> ReadLines(string path)
        => [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}

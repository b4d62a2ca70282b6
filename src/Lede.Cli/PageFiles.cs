using System.IO.Compression;
using System.Text.Json;

namespace Lede.Cli;

/// <summary>Page files and manifests for the <c>lede page</c> verbs: <c>.html</c> or <c>.html.gz</c>, manifest lines <c>{"file", "url"}</c>.</summary>
internal static class PageFiles
{
    /// <value>Decompressed pages past this are cut (the page loader caps at 5 MiB anyway): a gzip bomb stays small.</value>
    private const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>A page named by a manifest: its file and, when given, the URL it was fetched from.</summary>
    public sealed record Entry(string File, Uri? Url);

    /// <summary>The file's bytes, gunzipped when gzip, at most 16 MiB.</summary>
    public static byte[] Read(string file)
    {
        using var raw = File.OpenRead(file);
        var gzip = raw.ReadByte() == 0x1f && raw.ReadByte() == 0x8b;
        raw.Position = 0;
        using var input = gzip ? new GZipStream(raw, CompressionMode.Decompress) : (Stream)raw;
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while (output.Length < MaxBytes && (read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, MaxBytes - output.Length))) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    /// <summary>The manifest's entries; files are relative to the manifest's folder. A bad line is an error naming it.</summary>
    /// <exception cref="CliException">The manifest cannot be read, or a line is not a JSON object with "file".</exception>
    public static List<Entry> ReadManifest(string manifest)
    {
        if (!File.Exists(manifest))
        {
            throw new CliException($"manifest {manifest} does not exist");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(manifest))!;
        var entries = new List<Entry>();
        var number = 0;
        foreach (var line in File.ReadLines(manifest))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var file = String(doc.RootElement, "file") ?? throw new CliException($"{manifest}:{number}: no \"file\"");
                var url = String(doc.RootElement, "url");
                entries.Add(new Entry(Path.IsPathRooted(file) ? file : Path.Combine(folder, file), Uri.TryCreate(url, UriKind.Absolute, out var u) ? u : null));
            }
            catch (JsonException e)
            {
                throw new CliException($"{manifest}:{number}: not JSON: {e.Message}");
            }
        }

        return entries;
    }

    private static string? String(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

using Lede.Store;

namespace Lede.Records;

/// <summary>Writes every stored article as a record file, in the numbered or the Jekyll layout.</summary>
public sealed class RecordExporter(IStore store)
{
    /// <summary>Writes the records under <paramref name="folder"/> and returns how many it wrote.</summary>
    /// <remarks>Each file is written beside its final name and then renamed, so a reader never sees half a record.</remarks>
    public async Task<int> ExportAsync(string folder, ExportLayout layout, RecordOrder order, CancellationToken ct)
    {
        var target = layout == ExportLayout.Jekyll ? Path.Combine(folder, RecordFileName.JekyllCollection) : folder;
        Directory.CreateDirectory(target);
        var digits = RecordFileName.DigitsFor(await store.CountArticlesAsync(ct).ConfigureAwait(false));
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var written = 0;
        await foreach (var (id, record, _, analysis) in store.ReadRecordsAsync(order, ct).ConfigureAwait(false))
        {
            if (analysis?.DuplicateOf is not null)
            {
                // A copy (syndicated or reposted text) is held in the database; the archive shows the story once.
                continue;
            }

            var name = layout == ExportLayout.Jekyll ? RecordFileName.Jekyll(record, id) : RecordFileName.Numbered(written, digits, id);
            if (!taken.Add(name))
            {
                // Two posts with one date and title: the id tells them apart.
                name = $"{name[..^3]}-{id}.md";
                taken.Add(name);
            }

            await WriteAtomicallyAsync(Path.Combine(target, name), RecordWriter.WriteBytes(record), ct).ConfigureAwait(false);
            written++;
        }

        return written;
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}

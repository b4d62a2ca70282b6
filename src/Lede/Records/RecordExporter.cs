using Lede.Store;

namespace Lede.Records;

/// <summary>Writes every stored article as a record file, in the numbered or the Jekyll layout; copies of other articles are left out.</summary>
public sealed class RecordExporter(IStore store)
{
    /// <summary>Writes the records under <paramref name="folder"/> and returns how many it wrote and left out.</summary>
    public Task<ExportCount> ExportAsync(string folder, ExportLayout layout, RecordOrder order, CancellationToken ct) => ExportAsync(folder, layout, order, null, ct);

    /// <summary>Writes the records under <paramref name="folder"/>, telling <paramref name="onWritten"/> of each, and returns how many it wrote and left out.</summary>
    /// <remarks>
    /// The export is one snapshot of the store, the state at its start: an article published, unpublished, changed or
    /// added while it runs is written as it was then, or not at all. Each file is written beside its final name and
    /// then renamed, so a reader never sees half a record.
    /// </remarks>
    /// <param name="folder">Where the records go.</param>
    /// <param name="layout">How the files are named.</param>
    /// <param name="order">The order of the numbered files.</param>
    /// <param name="onWritten">Told each file's path once it is written (progress; tests change the store there).</param>
    /// <param name="ct">Cancels the export.</param>
    public async Task<ExportCount> ExportAsync(string folder, ExportLayout layout, RecordOrder order, Func<string, Task>? onWritten, CancellationToken ct)
    {
        var target = layout == ExportLayout.Jekyll ? Path.Combine(folder, RecordFileName.JekyllCollection) : folder;
        Directory.CreateDirectory(target);
        var snapshot = await store.OpenSnapshotAsync(ct).ConfigureAwait(false);
        await using var snapshotScope = snapshot.ConfigureAwait(false);
        var digits = RecordFileName.DigitsFor(snapshot.ArticleCount);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var written = 0;
        var copies = 0;
        await foreach (var (id, record, _, analysis) in snapshot.ReadRecordsAsync(order, ct).ConfigureAwait(false))
        {
            if (analysis?.DuplicateOf is not null)
            {
                // A copy (syndicated or reposted text) is held in the database; the archive shows the story once.
                copies++;
                continue;
            }

            var name = layout == ExportLayout.Jekyll ? RecordFileName.Jekyll(record, id) : RecordFileName.Numbered(written, digits, id);
            if (!taken.Add(name))
            {
                // Two posts with one date and title: the id tells them apart.
                name = $"{name[..^3]}-{id}.md";
                taken.Add(name);
            }

            var path = Path.Combine(target, name);
            await WriteAtomicallyAsync(path, RecordWriter.WriteBytes(record), ct).ConfigureAwait(false);
            written++;
            if (onWritten is not null)
            {
                await onWritten(path).ConfigureAwait(false);
            }
        }

        return new ExportCount(written, copies);
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }
}

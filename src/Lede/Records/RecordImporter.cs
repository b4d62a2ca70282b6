using Lede.Normalize;
using Lede.Store;

namespace Lede.Records;

/// <summary>Reads record files into the store; idempotent, and a bad file never stops the rest.</summary>
public sealed class RecordImporter(IStore store)
{
    /// <summary>Imports every record under <paramref name="paths"/>, reporting each failure as it happens.</summary>
    /// <remarks>The id in a numbered file name is kept as the article id; other files get the id of their <c>webUrl</c>.</remarks>
    public async Task<ImportReport> ImportAsync(IEnumerable<string> paths, Action<RecordProblem> onFailure, CancellationToken ct)
    {
        int imported = 0, updated = 0, unchanged = 0;
        var failures = new List<RecordProblem>();
        void Fail(RecordProblem problem)
        {
            failures.Add(problem);
            onFailure(problem);
        }

        foreach (var (file, missing) in RecordFiles.Expand(paths))
        {
            if (missing is not null)
            {
                Fail(missing);
                continue;
            }

            var read = await ReadAsync(file!, ct).ConfigureAwait(false);
            if (read.Problem is not null)
            {
                Fail(read.Problem);
                continue;
            }

            var record = read.Record!;
            var id = RecordFileName.TryParseId(file!, out var named) ? named : ArticleId.FromUrl(record.WebUrl);
            try
            {
                switch (await store.SaveRecordAsync(id, record, ct).ConfigureAwait(false))
                {
                    case SaveOutcome.Inserted: imported++; break;
                    case SaveOutcome.Updated: updated++; break;
                    default: unchanged++; break;
                }
            }
            catch (ArticleConflictException e)
            {
                Fail(new RecordProblem(file!, 0, e.Message));
            }
        }

        return new ImportReport(imported, updated, unchanged, failures);
    }

    private static async Task<RecordReadResult> ReadAsync(string file, CancellationToken ct)
    {
        try
        {
            return await RecordReader.ReadFileAsync(file, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return RecordReadResult.Failure(new RecordProblem(file, 0, $"cannot read: {e.Message}"));
        }
    }
}

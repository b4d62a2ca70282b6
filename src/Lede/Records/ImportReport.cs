namespace Lede.Records;

/// <summary>What an import did: counts, and one problem per file that failed.</summary>
public sealed record ImportReport(int Imported, int Updated, int Unchanged, IReadOnlyList<RecordProblem> Failures)
{
    public int Failed => Failures.Count;

    /// <summary>The summary line: <c>imported N, updated M, failed K</c>.</summary>
    public override string ToString() => $"imported {Imported}, updated {Updated}, failed {Failed} ({Unchanged} unchanged)";
}

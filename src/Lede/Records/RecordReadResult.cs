namespace Lede.Records;

/// <summary>A record read whole, or the problem that stopped it; never half of one.</summary>
public sealed record RecordReadResult
{
    private RecordReadResult(ArticleRecord? record, RecordProblem? problem)
    {
        Record = record;
        Problem = problem;
    }

    public ArticleRecord? Record { get; }
    public RecordProblem? Problem { get; }

    /// <summary>True when <see cref="Record"/> holds the whole record.</summary>
    public bool IsValid => Record is not null;

    public static RecordReadResult Success(ArticleRecord record) => new(record, null);

    public static RecordReadResult Failure(RecordProblem problem) => new(null, problem);
}

namespace Lede.Store;

/// <summary>A consistent read of a store (what <c>lede records export</c> reads): every call sees the store as it was when the snapshot was opened.</summary>
/// <remarks>
/// Writers are not held up meanwhile (SQLite's WAL, PostgreSQL's MVCC) and what they commit is not seen. Dispose it
/// promptly: the database keeps the old pages or row versions the snapshot may still read.
/// </remarks>
public interface IStoreSnapshot : IAsyncDisposable
{
    /// <summary>How many articles the snapshot holds.</summary>
    int ArticleCount { get; }

    /// <summary>Every article of the snapshot as a record, in the given order.</summary>
    IAsyncEnumerable<StoredRecord> ReadRecordsAsync(RecordOrder order, CancellationToken ct);
}

using Lede.Normalize;
using Lede.Records;

namespace Lede.Store;

/// <summary>Where Lede keeps what it holds; SQLite and (later) PostgreSQL implement it in Lede.Storage.</summary>
/// <remarks>Every write is one transaction: a killed process never leaves half of an article.</remarks>
public interface IStore : IAsyncDisposable
{
    /// <summary>Stores an article as a record holds it, under <paramref name="id"/>; idempotent.</summary>
    /// <exception cref="ArticleConflictException">Another article already holds the record's <c>webUrl</c>.</exception>
    Task<SaveOutcome> SaveRecordAsync(ArticleId id, ArticleRecord record, CancellationToken ct);

    /// <summary>Every stored article as a record, in the given order.</summary>
    IAsyncEnumerable<StoredRecord> ReadRecordsAsync(RecordOrder order, CancellationToken ct);

    /// <summary>How many articles are stored.</summary>
    Task<int> CountArticlesAsync(CancellationToken ct);

    /// <summary>One stored article as a record, or null.</summary>
    Task<StoredRecord?> FindRecordAsync(ArticleId id, CancellationToken ct);
}

using Lede.Decide;
using Lede.Normalize;
using Lede.Records;
using Lede.Sources;

namespace Lede.Store;

/// <summary>Where Lede keeps what it holds; SQLite and (later) PostgreSQL implement it in Lede.Storage.</summary>
/// <remarks>Every write is one transaction: a killed process never leaves half of an article.</remarks>
public interface IStore : IAsyncDisposable
{
    /// <summary>Stores an article as a record holds it, under <paramref name="id"/>; idempotent.</summary>
    /// <exception cref="ArticleConflictException">Another article already holds the record's <c>webUrl</c>.</exception>
    Task<SaveOutcome> SaveRecordAsync(ArticleId id, ArticleRecord record, CancellationToken ct);

    /// <summary>Stores an article whose <c>secured</c> value Lede sealed itself, with the key id and MAC that verify it.</summary>
    /// <exception cref="ArticleConflictException">Another article already holds the record's <c>webUrl</c>.</exception>
    Task<SaveOutcome> SaveRecordAsync(ArticleId id, ArticleRecord record, SealedPayload? seal, CancellationToken ct);

    /// <summary>Stores an article with its seal and its analysis (story, copy-of, explanation) in one transaction; idempotent.</summary>
    /// <remarks>A null <see cref="StoredRecord.Analysis"/> leaves the stored analysis as it is.</remarks>
    /// <exception cref="ArticleConflictException">Another article already holds the record's <c>webUrl</c>.</exception>
    Task<SaveOutcome> SaveArticleAsync(StoredRecord article, CancellationToken ct);

    /// <summary>Stores several articles in one transaction (an article with the story changes it brings); one whose <c>webUrl</c> another article holds is left out and returned.</summary>
    Task<IReadOnlyList<ArticleConflictException>> SaveArticlesAsync(IReadOnlyList<StoredRecord> articles, CancellationToken ct);

    /// <summary>Records an editor's decision and sets the article's <c>published</c> flag, in one transaction; false when there is no such article.</summary>
    Task<bool> SaveDecisionAsync(ArticleId id, EditorDecision decision, CancellationToken ct);

    /// <summary>The editors' decisions on an article, oldest first.</summary>
    Task<IReadOnlyList<EditorDecision>> ReadDecisionsAsync(ArticleId id, CancellationToken ct);

    /// <summary>Per provider domain, how its articles fared with editors.</summary>
    Task<IReadOnlyDictionary<string, ProviderDecisions>> ReadProviderDecisionsAsync(CancellationToken ct);

    /// <summary>Every stored article as a record, in the given order.</summary>
    /// <remarks>Read in pages, each its own read: an article written meanwhile may or may not be seen. <see cref="OpenSnapshotAsync"/> reads one state.</remarks>
    IAsyncEnumerable<StoredRecord> ReadRecordsAsync(RecordOrder order, CancellationToken ct);

    /// <summary>Opens a consistent read of the whole store, as it is now; writers go on meanwhile, unseen by it.</summary>
    Task<IStoreSnapshot> OpenSnapshotAsync(CancellationToken ct);

    /// <summary>How many articles are stored.</summary>
    Task<int> CountArticlesAsync(CancellationToken ct);

    /// <summary>The highest story id stored (0 when none): new stories are numbered after it, so one id never names two stories.</summary>
    Task<long> MaxStoryIdAsync(CancellationToken ct);

    /// <summary>Whether an article is stored under <paramref name="id"/>; cheaper than reading it.</summary>
    Task<bool> HasArticleAsync(ArticleId id, CancellationToken ct);

    /// <summary>The article known by <paramref name="url"/> (its link as a feed gave it, its canonical or its AMP URL), or null.</summary>
    Task<ArticleId?> FindArticleByUrlAsync(string url, CancellationToken ct);

    /// <summary>Records that <paramref name="url"/> names the article <paramref name="id"/> (a feed link that led to it); a URL already known keeps its article.</summary>
    Task AddArticleUrlAsync(ArticleId id, string url, CancellationToken ct);

    /// <summary>One stored article as a record, or null.</summary>
    Task<StoredRecord?> FindRecordAsync(ArticleId id, CancellationToken ct);

    /// <summary>Adds a source, or returns the one already following <paramref name="url"/> (Added false).</summary>
    Task<(Source Source, bool Added)> AddSourceAsync(string url, string? title, IReadOnlyList<string> topics, CancellationToken ct);

    /// <summary>Every source, in the order added.</summary>
    Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken ct);

    /// <summary>Removes a source; false when there was none with that id. Its articles stay.</summary>
    Task<bool> RemoveSourceAsync(long id, CancellationToken ct);

    /// <summary>Sources not disabled whose next due time is at or before <paramref name="now"/> (or not set).</summary>
    Task<IReadOnlyList<Source>> DueSourcesAsync(DateTime now, CancellationToken ct);

    /// <summary>Articles matching <paramref name="query"/>, best first, with highlighted snippets.</summary>
    /// <exception cref="ArgumentException">The query has no searchable word.</exception>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken ct);

    /// <summary>Checks the database and Lede's invariants (related links symmetric, no orphan rows, sealed payloads carry a key id and MAC); <paramref name="keys"/>, when given, also verifies every sealed payload's MAC.</summary>
    Task<IReadOnlyList<StoreProblem>> CheckAsync(KeyRing? keys, CancellationToken ct);

    /// <summary>The schema version the database is at (the newest applied migration).</summary>
    Task<int> SchemaVersionAsync(CancellationToken ct);

    /// <summary>Records a source's state after a fetch; <paramref name="url"/> changes its URL (a permanent redirect).</summary>
    Task SaveSourceStateAsync(long id, SourceState state, string? url, CancellationToken ct);
}

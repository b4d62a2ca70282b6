using Lede.Store;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    // Placeholders while the search and check work lands this session (helper "search" replaces this file).
    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken ct)
        => throw new NotSupportedException("search is not built yet");

    public Task<IReadOnlyList<StoreProblem>> CheckAsync(KeyRing? keys, CancellationToken ct)
        => throw new NotSupportedException("db check is not built yet");

    public Task<int> SchemaVersionAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var connection = Connect();
        return Task.FromResult(SqliteMigrator.CurrentVersion(connection));
    }
}

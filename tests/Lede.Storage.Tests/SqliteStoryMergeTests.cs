using Dapper;
using Lede.Storage.Sqlite;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Tests;

public sealed class SqliteStoryMergeTests : StoryMergeContractTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lede-merge-").FullName;

    protected override Task<IStore> OpenAsync() => Task.FromResult<IStore>(SqliteStore.Open(Path.Combine(_folder, "lede.db")));

    protected override IReadOnlyList<long> StoryRows()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "lede.db")}");
        return connection.Query<long>("SELECT id FROM story ORDER BY id").AsList();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

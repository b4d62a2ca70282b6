using Dapper;
using Lede.Storage.Postgres;
using Lede.Store;

namespace Lede.Storage.Tests;

public sealed class PostgresStoryMergeTests : StoryMergeContractTests, IDisposable
{
    private PostgresDatabase? _database;

    protected override Task<IStore> OpenAsync()
    {
        _database = PostgresDatabase.Create();
        return Task.FromResult<IStore>(PostgresStore.Open(_database.ConnectionString));
    }

    protected override IReadOnlyList<long> StoryRows()
    {
        using var connection = _database!.Connect();
        return connection.Query<long>("SELECT id FROM story ORDER BY id").AsList();
    }

    public void Dispose() => _database?.Dispose();
}

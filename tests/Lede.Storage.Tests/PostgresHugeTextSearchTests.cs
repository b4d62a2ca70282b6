using Lede.Storage.Postgres;
using Lede.Store;

namespace Lede.Storage.Tests;

public sealed class PostgresHugeTextSearchTests : HugeTextSearchContractTests, IDisposable
{
    private PostgresDatabase? _database;

    protected override Task<IStore> OpenAsync()
    {
        _database = PostgresDatabase.Create();
        return Task.FromResult<IStore>(PostgresStore.Open(_database.ConnectionString));
    }

    public void Dispose() => _database?.Dispose();
}

using Lede.Storage.Sqlite;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Tests;

public sealed class SqliteHugeTextSearchTests : HugeTextSearchContractTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lede-huge-search-").FullName;

    protected override Task<IStore> OpenAsync() => Task.FromResult<IStore>(SqliteStore.Open(Path.Combine(_folder, "lede.db")));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

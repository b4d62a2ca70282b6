using Lede.Storage.Postgres;

namespace Lede.Storage.Tests;

/// <summary>A batch written set-wise leaves exactly what saving its articles one at a time leaves.</summary>
public sealed class PostgresBatchTests : IDisposable
{
    private readonly PostgresDatabase _batched = PostgresDatabase.Create();
    private readonly PostgresDatabase _oneByOne = PostgresDatabase.Create();

    public void Dispose()
    {
        _batched.Dispose();
        _oneByOne.Dispose();
    }

    [Fact]
    public async Task Batches_of_new_changed_and_unchanged_articles_match_saving_one_at_a_time()
    {
        await using var batched = PostgresStore.Open(_batched.ConnectionString);
        await using var oneByOne = PostgresStore.Open(_oneByOne.ConnectionString);
        await BatchComparison.CompareAsync(batched, oneByOne, BatchComparison.NewChangedAndUnchanged());
    }
}

using Lede.Storage.Postgres;

namespace Lede.Storage.Tests;

/// <summary>The leases several workers share on PostgreSQL: claims never overlap, a lapsed claim goes to another.</summary>
public sealed class PostgresWorkQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly PostgresDatabase _database = PostgresDatabase.Create();
    private PostgresStore _store = null!;

    public Task InitializeAsync()
    {
        _store = PostgresStore.Open(_database.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    private static DateTime Now => DateTime.UtcNow;

    [Fact]
    public async Task Workers_claiming_at_once_never_get_the_same_source()
    {
        for (var i = 0; i < 40; i++)
        {
            await _store.AddSourceAsync($"https://news{i}.example/feed", null, [], default);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => _store.ClaimSourcesAsync($"w{w}", Now, Minute, 5, default)));

        var ids = claims.SelectMany(c => c.Select(s => s.Id)).ToList();
        ids.Count.ShouldBe(40);
        ids.Distinct().Count().ShouldBe(40);
        (await _store.ClaimSourcesAsync("late", Now, Minute, 5, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_finished_source_is_not_due_and_a_lapsed_claim_goes_to_another_worker()
    {
        var (done, _) = await _store.AddSourceAsync("https://done.example/feed", null, [], default);
        var (abandoned, _) = await _store.AddSourceAsync("https://abandoned.example/feed", null, [], default);
        await _store.ClaimSourcesAsync("dead", Now, TimeSpan.FromMilliseconds(300), 10, default);
        (await _store.ClaimSourcesAsync("other", Now, Minute, 10, default)).ShouldBeEmpty();

        await _store.FinishSourceAsync(done.Id, "dead", done.State with { NextDueAt = Now.AddHours(1), LastStatus = 200 }, null, default);
        await Task.Delay(500);
        var picked = await _store.ClaimSourcesAsync("other", Now, Minute, 10, default);

        picked.Select(s => s.Id).ShouldBe([abandoned.Id]);
        (await _store.BacklogAsync(Now, default)).ShouldBe((1, 0));
    }

    [Fact]
    public async Task A_link_is_queued_once_and_each_page_is_claimed_by_one_worker_until_completed()
    {
        var (source, _) = await _store.AddSourceAsync("https://news.example/feed", null, [], default);
        var pages = Enumerable.Range(0, 30).Select(i => ($"https://news.example/{i}", $"{{\"n\":{i},\"nul\":\"a\u0000b\"}}")).ToList();

        (await _store.EnqueuePagesAsync(source.Id, pages, default)).ShouldBe(30);
        (await _store.EnqueuePagesAsync(source.Id, pages[..10], default)).ShouldBe(0);
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => _store.ClaimPagesAsync($"w{w}", Minute, 10, default)));

        var claimed = claims.SelectMany(c => c).ToList();
        claimed.Count.ShouldBe(30);
        claimed.Select(p => p.Link).Distinct(StringComparer.Ordinal).Count().ShouldBe(30);
        claimed.Single(p => p.Link == "https://news.example/7").Item.ShouldBe("{\"n\":7,\"nul\":\"a\u0000b\"}");
        await _store.CompletePagesAsync(claimed.Select(p => p.Id).ToList(), default);
        (await _store.BacklogAsync(Now, default)).QueuedPages.ShouldBe(0);
    }

    [Fact]
    public async Task A_named_lease_has_one_holder_and_counts_its_turns()
    {
        var first = await _store.TryTakeLeaseAsync("stories", "a", Minute, default);
        var whileHeld = await _store.TryTakeLeaseAsync("stories", "b", Minute, default);
        await _store.ReleaseLeaseAsync("stories", "b", default);
        var stillHeld = await _store.TryTakeLeaseAsync("stories", "b", Minute, default);
        await _store.ReleaseLeaseAsync("stories", "a", default);
        var second = await _store.TryTakeLeaseAsync("stories", "b", Minute, default);
        await _store.ReleaseLeaseAsync("stories", "b", default);
        var third = await _store.TryTakeLeaseAsync("stories", "b", Minute, default);

        (first, whileHeld, stillHeld, second, third).ShouldBe((0L, null, null, 1L, 2L));
    }

    [Fact]
    public async Task A_lapsed_named_lease_can_be_taken_over()
    {
        await _store.TryTakeLeaseAsync("stories", "dead", TimeSpan.FromMilliseconds(200), default);
        await Task.Delay(400);

        (await _store.TryTakeLeaseAsync("stories", "alive", Minute, default)).ShouldBe(1L);
    }
}

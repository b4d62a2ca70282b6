using Lede.Sources;
using Lede.Store;

namespace Lede.Storage.Tests;

/// <summary>Sources and their fetch state, on every store.</summary>
public abstract class SourceContractTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    protected IStore Store { get; private set; } = null!;

    protected abstract Task<IStore> OpenAsync();

    public async Task InitializeAsync() => Store = await OpenAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    [Fact]
    public async Task Adding_a_source_twice_keeps_one()
    {
        var (first, added) = await Store.AddSourceAsync("https://example.com/feed.xml", "Example", ["AI", "Robotics"], default);
        var (again, addedAgain) = await Store.AddSourceAsync("https://example.com/feed.xml", null, [], default);

        (added, addedAgain).ShouldBe((true, false));
        again.Id.ShouldBe(first.Id);
        var listed = (await Store.ListSourcesAsync(default)).ShouldHaveSingleItem();
        (listed.Title, listed.Topics.Count, listed.State.NextDueAt).ShouldBe(("Example", 2, (DateTime?)null));
    }

    [Fact]
    public async Task State_round_trips_and_decides_what_is_due()
    {
        var (a, _) = await Store.AddSourceAsync("https://a.example/feed", null, [], default);
        var (b, _) = await Store.AddSourceAsync("https://b.example/feed", null, [], default);
        var (c, _) = await Store.AddSourceAsync("https://c.example/feed", null, [], default);
        var later = new SourceState
        {
            ETag = "\"e\"",
            LastModified = "Tue, 01 Jan 2026 00:00:00 GMT",
            LastFetchedAt = Now,
            LastStatus = 200,
            NextDueAt = Now.AddHours(1),
            Interval = TimeSpan.FromMinutes(30),
            ConsecutiveErrors = 2,
            LastError = "x",
        };
        await Store.SaveSourceStateAsync(a.Id, later, null, default);
        await Store.SaveSourceStateAsync(b.Id, new SourceState { NextDueAt = Now.AddMinutes(-1) }, null, default);
        await Store.SaveSourceStateAsync(c.Id, new SourceState { DisabledAt = Now, DisabledReason = "gone (410)" }, null, default);

        (await Store.DueSourcesAsync(Now, default)).Select(s => s.Id).ShouldBe([b.Id]);
        (await Store.DueSourcesAsync(Now.AddHours(2), default)).Select(s => s.Id).ShouldBe([b.Id, a.Id]);
        (await Store.ListSourcesAsync(default)).First(s => s.Id == a.Id).State.ShouldBe(later);
    }

    [Fact]
    public async Task A_permanent_redirect_moves_the_url_unless_another_source_holds_it()
    {
        var (a, _) = await Store.AddSourceAsync("http://a.example/feed", null, [], default);
        var (b, _) = await Store.AddSourceAsync("https://b.example/feed", null, [], default);

        await Store.SaveSourceStateAsync(a.Id, new SourceState(), "https://a.example/feed", default);
        await Store.SaveSourceStateAsync(b.Id, new SourceState(), "https://a.example/feed", default);

        (await Store.ListSourcesAsync(default)).Select(s => s.Url).ShouldBe(["https://a.example/feed", "https://b.example/feed"]);
    }

    [Fact]
    public async Task Removing_a_source_says_whether_there_was_one()
    {
        var (a, _) = await Store.AddSourceAsync("https://a.example/feed", null, [], default);

        (await Store.RemoveSourceAsync(a.Id, default)).ShouldBeTrue();
        (await Store.RemoveSourceAsync(a.Id, default)).ShouldBeFalse();
        (await Store.ListSourcesAsync(default)).ShouldBeEmpty();
    }
}

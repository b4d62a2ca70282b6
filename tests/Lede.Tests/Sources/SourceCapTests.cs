using Lede.Sources;
using Lede.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Lede.Tests.Sources;

/// <summary>A2: sources added one by one stop at the cap with a clear refusal; feeds already followed are still found.</summary>
public sealed class SourceCapTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lede-cap-").FullName;
    private SqliteStore _store = null!;

    public Task InitializeAsync()
    {
        _store = SqliteStore.Open(Path.Combine(_folder, "lede.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sources_past_the_cap_are_refused_and_known_ones_still_found()
    {
        for (var i = 0; i < 3; i++)
        {
            (await new SourceCap(_store, max: 3).AddAsync($"https://news{i}.example/feed", null, [], default)).Added.ShouldBeTrue();
        }

        var refused = await new SourceCap(_store, max: 3).AddAsync("https://news3.example/feed", null, [], default);
        var known = await new SourceCap(_store, max: 3).AddAsync("https://news1.example/feed", null, [], default);

        refused.Source.ShouldBeNull();
        refused.Refused.ShouldBe("already following 3 sources, the most Lede follows (3); remove some with 'lede sources remove ID' first");
        (known.Source!.Url, known.Added, known.Refused).ShouldBe(("https://news1.example/feed", false, null));
        (await _store.ListSourcesAsync(default)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task One_cap_counts_the_sources_it_adds_itself()
    {
        var cap = new SourceCap(_store, max: 2);

        var results = new List<bool>();
        foreach (var i in Enumerable.Range(0, 4))
        {
            results.Add((await cap.AddAsync($"https://news{i}.example/feed", null, [], default)).Source is not null);
        }

        results.ShouldBe([true, true, false, false]);
        SourceCap.DefaultMax.ShouldBe(Lede.Parse.OpmlReader.MaxOutlines);
    }
}

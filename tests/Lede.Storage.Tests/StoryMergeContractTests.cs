using Lede.Normalize;
using Lede.Pipeline;
using Lede.Records;
using Lede.Store;
using Lede.Tests.Pipeline;
using Lede.Tests.Records;

namespace Lede.Storage.Tests;

/// <summary>Issue 5 item 8: two stories that an article bridges become one in the store, on every store, in the article's transaction.</summary>
public abstract class StoryMergeContractTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);

    // The same vote told without a name: too few shared words to join the first story.
    private const string NamelessText = """
        Lawmakers in the city voted to outlaw face scanning software used by officers, after activists and residents argued at a long
        hearing that the scanners wrongly flag dark-skinned residents as suspects. Officers will have to stop using the scanners, and the
        department must delete the images it gathered, the measure says. Supporters said the vote sends a message to other cities weighing
        similar rules.
        """;

    // Told like the second, with the first one's names: it fits both stories.
    private const string BridgeText = """
        Lawmakers on the Minneapolis City Council voted to outlaw face scanning software used by officers, after activists and residents
        argued at a long hearing that the scanners wrongly flag dark-skinned residents as suspects. Officers will have to stop using
        Clearview AI and other scanners, and the department must delete the images it gathered. Supporters said the vote sends a message
        to other cities.
        """;

    private const string First = "https://a.example/ban";
    private const string Second = "https://b.example/scanning";
    private const string Bridge = "https://c.example/officers";

    protected IStore Store { get; private set; } = null!;

    protected abstract Task<IStore> OpenAsync();

    /// <summary>The ids in the store's story table.</summary>
    protected abstract IReadOnlyList<long> StoryRows();

    public async Task InitializeAsync() => Store = await OpenAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    private static BuiltArticle Article(string url, string title, string text, int hours)
    {
        var provider = new Uri(url).Host;
        var record = Samples.Minimal with
        {
            Title = title,
            Excerpt = text.Trim()[..120],
            OriginalUrl = url,
            WebUrl = url,
            PublishedDateTime = Start.AddHours(hours),
            Provider = new ProviderRef(provider, provider),
            Quality = 0,
        };
        return new BuiltArticle(record, null, text.Trim(), null, new ArticleFacts(null, false, true, true, null));
    }

    // The store's side of a merge is under test, not where the bar lies: these two one-article stories are alike at about 0.3,
    // under the default full-text bar (the clustering corpora's full-text merges were mostly two events of one kind).
    private static readonly CuratorOptions Options = CuratorOptions.Default with { Stories = new Cluster.StoryClusterOptions { MergeThreshold = 0.28 } };

    private Task<Curator> CuratorAsync(int days = 1) => Curator.OpenAsync(Store, null, Options, new FixedClock(Start.AddDays(days)), default);

    private static async Task AddAsync(Curator curator, BuiltArticle article)
    {
        await curator.AddAsync(ArticleId.FromUrl(article.Record.WebUrl), article, default);
        (await curator.FlushAsync(default)).ShouldBeEmpty();
    }

    private async Task<StoredRecord> FindAsync(string url) => (await Store.FindRecordAsync(ArticleId.FromUrl(url), default))!;

    private async Task<long> TwoStoriesAsync(Curator curator)
    {
        await AddAsync(curator, Article(First, "Minneapolis bans police use of facial recognition", StoryTexts.MinneapolisBan, 0));
        await AddAsync(curator, Article(Second, "City outlaws face scanning by its officers", NamelessText, 2));
        var first = (await FindAsync(First)).Analysis!.StoryId!.Value;
        (await FindAsync(Second)).Analysis!.StoryId.ShouldNotBe(first);
        return first;
    }

    [Fact]
    public async Task An_article_that_bridges_two_stories_merges_them_in_the_store()
    {
        var curator = await CuratorAsync();
        var story = await TwoStoriesAsync(curator);
        var absorbed = (await FindAsync(Second)).Analysis!.StoryId!.Value;

        await AddAsync(curator, Article(Bridge, "Officers must stop face scanning, city lawmakers say", BridgeText, 4));

        var all = new[] { await FindAsync(First), await FindAsync(Second), await FindAsync(Bridge) };
        all.ShouldAllBe(a => a.Analysis!.StoryId == story);
        foreach (var article in all)
        {
            // Related is symmetric and complete in a three-article story: each lists the other two.
            article.Record.Related.Select(r => r.WebUrl).Order(StringComparer.Ordinal).ShouldBe(all.Where(o => o.Id != article.Id).Select(o => o.Record.WebUrl).Order(StringComparer.Ordinal));
            article.Record.Heat.ShouldBe(all[2].Record.Heat);
            var explained = Pipeline.Explanation.FromJson(article.Analysis!.Explain)!.Story!;
            explained.Id.ShouldBe(story);
            explained.Absorbed.ShouldBe([absorbed]);
            explained.Merges!.ShouldHaveSingleItem().ShouldContain($"merged story {absorbed} into story {story}");
        }

        // The absorbed story's row is gone with the move: no story is left without articles.
        StoryRows().ShouldBe([story]);
        (await Store.CheckAsync(null, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_merged_story_is_one_story_for_the_next_run_and_nothing_is_stored_twice()
    {
        var curator = await CuratorAsync();
        var story = await TwoStoriesAsync(curator);
        await AddAsync(curator, Article(Bridge, "Officers must stop face scanning, city lawmakers say", BridgeText, 4));
        var before = await Store.ReadRecordsAsync(RecordOrder.Imported, default).ToListAsync();

        // A new run rebuilds the merged story from the store: a fourth report on the vote joins it, and a new story takes a new id.
        var reopened = await CuratorAsync();
        await AddAsync(reopened, Article("https://d.example/vote", "Minneapolis council outlaws face scanning by officers", BridgeText.Replace("Lawmakers", "Members", StringComparison.Ordinal), 6));
        await AddAsync(reopened, Article("https://e.example/garden", "Community garden opens on the north side", "Volunteers planted tomatoes and beans in a new community garden on the north side on Saturday, and the parks board promised water for the summer.", 7));

        (await FindAsync("https://d.example/vote")).Analysis!.StoryId.ShouldBe(story);
        var other = (await FindAsync("https://e.example/garden")).Analysis!.StoryId!.Value;
        before.Select(r => r.Analysis!.StoryId).ShouldNotContain(other);
        Pipeline.Explanation.FromJson((await FindAsync(Bridge)).Analysis!.Explain)!.Story!.Absorbed!.ShouldNotContain(other);
        (await Store.CountArticlesAsync(default)).ShouldBe(5);
        (await Store.CheckAsync(null, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_new_story_never_takes_the_id_of_a_story_outside_the_window()
    {
        var curator = await CuratorAsync(days: 11);
        await AddAsync(curator, Article(First, "Minneapolis bans police use of facial recognition", StoryTexts.MinneapolisBan, 240));
        // Found late: published ten days before the newest article, so the next run's window leaves its story out.
        await AddAsync(curator, Article("https://e.example/garden", "Community garden opens on the north side", "Volunteers planted tomatoes and beans in a new community garden on the north side on Saturday, and the parks board promised water for the summer.", 0));
        var late = (await FindAsync("https://e.example/garden")).Analysis!.StoryId!.Value;

        var reopened = await CuratorAsync(days: 11);
        await AddAsync(reopened, Article("https://f.example/bridge", "Harbor bridge closes for repairs", "The harbor bridge will close for three weeks of repairs to its deck and cables, the transport department said, and ferries will run every half hour meanwhile.", 241));

        var fresh = (await FindAsync("https://f.example/bridge")).Analysis!.StoryId!.Value;
        fresh.ShouldNotBe(late);
        fresh.ShouldNotBe((await FindAsync(First)).Analysis!.StoryId!.Value);
        (await Store.CheckAsync(null, default)).ShouldBeEmpty();
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}

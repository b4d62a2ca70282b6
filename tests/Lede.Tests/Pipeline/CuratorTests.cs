using Lede.Decide;
using Lede.Normalize;
using Lede.Pipeline;
using Lede.Records;
using Lede.Storage.Sqlite;
using Lede.Store;
using Lede.Tests.Fetch;
using Lede.Tests.Records;
using Microsoft.Data.Sqlite;

namespace Lede.Tests.Pipeline;

public sealed class CuratorTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);

    private const string BanRetold = """
        Minneapolis has become the latest city to prohibit police from using facial recognition technology. The Minneapolis City Council
        approved the ordinance 13-0 on Friday after Council member Steve Fletcher argued that Clearview AI and similar software misidentify
        Black residents. Records showed the Minneapolis Police Department searched Clearview AI hundreds of times. Boston and San Francisco
        passed similar bans earlier.
        """;

    private const string TeachingText = """
        Artificial intelligence tools are changing how teachers plan lessons and grade homework, according to a survey of 1,200 educators
        by the National Education Association. Teachers in Ohio and Texas described using chatbots to draft quizzes, while school districts
        in Seattle weighed rules on student use. Researchers at Stanford University warned that the tools can invent facts and urged
        training before classroom adoption.
        """;

    private const string WireText = """
        WASHINGTON (AP) — The Federal Trade Commission on Tuesday sued Rite Aid over its use of facial recognition cameras in hundreds of stores,
        saying the pharmacy chain's system falsely flagged thousands of customers as shoplifters. Under a proposed settlement, Rite Aid would be
        barred from using the technology for five years. The FTC said the system was more likely to misidentify women and people of color,
        and that employees followed customers around stores and called police based on false alerts. Rite Aid said it disagreed with the
        allegations but was glad to reach an agreement. The company stopped using the cameras three years ago, it said in a statement.
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("lede-curator-").FullName;
    private readonly ManualTimeProvider _clock = new();
    private IStore _store = null!;

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

    private static BuiltArticle Article(string url, string provider, string title, string text, int hours)
    {
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

    private Task<Curator> OpenAsync(PublishRules? rules = null)
        => Curator.OpenAsync(_store, null, new CuratorOptions { Publish = rules ?? PublishRules.None }, _clock, default);

    private async Task<StoredRecord> Add(Curator curator, BuiltArticle article)
    {
        var id = ArticleId.FromUrl(article.Record.WebUrl);
        await curator.AddAsync(id, article, default);
        (await curator.FlushAsync(default)).ShouldBeEmpty();
        return (await _store.FindRecordAsync(id, default))!;
    }

    private async Task<StoredRecord> Find(string url) => (await _store.FindRecordAsync(ArticleId.FromUrl(url), default))!;

    [Fact]
    public async Task Coverage_of_one_event_by_two_providers_is_related_both_ways_and_shares_heat()
    {
        var curator = await OpenAsync();
        var first = await Add(curator, Article("https://a.example/ban", "a.example", "Minneapolis bans police use of facial recognition", StoryTexts.MinneapolisBan, 0));
        var second = await Add(curator, Article("https://b.example/ban", "b.example", "Minneapolis City Council bans facial recognition for police", BanRetold, 3));

        first = await Find("https://a.example/ban");
        second.Analysis!.StoryId.ShouldBe(first.Analysis!.StoryId);
        first.Record.Related.ShouldHaveSingleItem().WebUrl.ShouldBe("https://b.example/ban");
        second.Record.Related.ShouldHaveSingleItem().WebUrl.ShouldBe("https://a.example/ban");
        first.Record.Heat.ShouldBe(second.Record.Heat);
        second.Record.Quality.ShouldBeInRange(1, 100);
    }

    [Fact]
    public async Task An_article_on_another_event_is_not_related()
    {
        var curator = await OpenAsync();
        await Add(curator, Article("https://a.example/ban", "a.example", "Minneapolis bans police use of facial recognition", StoryTexts.MinneapolisBan, 0));
        var teaching = await Add(curator, Article("https://c.example/teach", "c.example", "AI Technology: A Disrupter to Teaching and Learning", TeachingText, 2));

        teaching.Record.Related.ShouldBeEmpty();
        (await Find("https://a.example/ban")).Record.Related.ShouldBeEmpty();
        teaching.Analysis!.StoryId.ShouldNotBe((await Find("https://a.example/ban")).Analysis!.StoryId);
    }

    [Fact]
    public async Task A_wire_copy_is_recorded_as_a_copy_not_as_related_coverage()
    {
        var curator = await OpenAsync(new PublishRules());
        await Add(curator, Article("https://apnews.example/rite-aid", "apnews.example", "FTC sues Rite Aid over facial recognition", WireText, 0));
        var copy = await Add(curator, Article("https://local.example/news/rite-aid", "local.example", "Rite Aid barred from facial recognition for 5 years",
            WireText + "\nCopyright 2026 The Associated Press. All rights reserved.", 1));

        copy.Analysis!.DuplicateOf.ShouldBe(ArticleId.FromUrl("https://apnews.example/rite-aid"));
        copy.Analysis.StoryId.ShouldBeNull();
        copy.Record.Related.ShouldBeEmpty();
        copy.Record.Published.ShouldBeFalse();
        copy.Record.Heat.ShouldBe(-1);
        (await Find("https://apnews.example/rite-aid")).Record.Related.ShouldBeEmpty();
        Explanation.FromJson(copy.Analysis.Explain)!.CopyOf!.Of.ShouldBe(ArticleId.FromUrl("https://apnews.example/rite-aid").ToString());
    }

    [Fact]
    public async Task An_editors_decision_survives_the_story_growing()
    {
        var curator = await OpenAsync(new PublishRules { MinQuality = 101 - 1 });
        var first = await Add(curator, Article("https://a.example/ban", "a.example", "Minneapolis bans police use of facial recognition", StoryTexts.MinneapolisBan, 0));
        first.Record.Published.ShouldBeFalse();
        await _store.SaveDecisionAsync(first.Id, new EditorDecision(EditorAction.Publish, "ana", Start, null), default);

        await Add(curator, Article("https://b.example/ban", "b.example", "Minneapolis City Council bans facial recognition for police", BanRetold, 3));

        var after = await Find("https://a.example/ban");
        after.Record.Related.ShouldNotBeEmpty();
        after.Record.Published.ShouldBeTrue();
    }

    [Fact]
    public async Task A_new_run_remembers_the_stories_of_the_last_one()
    {
        var curator = await OpenAsync();
        var first = await Add(curator, Article("https://a.example/ban", "a.example", "Minneapolis bans police use of facial recognition", StoryTexts.MinneapolisBan, 0));

        var reopened = await OpenAsync();
        var second = await Add(reopened, Article("https://b.example/ban", "b.example", "Minneapolis City Council bans facial recognition for police", BanRetold, 3));

        second.Analysis!.StoryId.ShouldBe(first.Analysis!.StoryId);
        (await Find("https://a.example/ban")).Record.Related.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_explanation_names_the_story_quality_points_and_heat_parts()
    {
        var curator = await OpenAsync();
        var stored = await Add(curator, Article("https://a.example/ban", "a.example", "Minneapolis bans police use of facial recognition", StoryTexts.MinneapolisBan, 0));

        var explanation = Explanation.FromJson(stored.Analysis!.Explain)!;
        explanation.Story!.Opened.ShouldBeTrue();
        explanation.Quality.Value.ShouldBe(stored.Record.Quality);
        explanation.Quality.Parts.ShouldNotBeEmpty();
        explanation.Heat.Value.ShouldBe(stored.Record.Heat);
        explanation.Heat.Parts.ShouldNotBeEmpty();
        explanation.Publish.Published.ShouldBeFalse();
    }
}

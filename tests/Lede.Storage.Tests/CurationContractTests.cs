using Lede.Decide;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Lede.Tests.Records;

namespace Lede.Storage.Tests;

/// <summary>What every store keeps for the story stages and the editors; each implementation runs it against a real database.</summary>
public abstract class CurationContractTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    protected IStore Store { get; private set; } = null!;

    protected abstract Task<IStore> OpenAsync();

    public async Task InitializeAsync() => Store = await OpenAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    private static ArticleRecord Article(int n, string domain = "example.com") => Samples.Minimal with
    {
        Title = $"Article {n}",
        WebUrl = $"https://{domain}/{n}",
        Provider = new ProviderRef(domain, domain),
        PublishedDateTime = At.AddMinutes(n),
    };

    [Fact]
    public async Task An_analysis_is_kept_with_its_article_and_a_null_one_leaves_it_alone()
    {
        var analysis = new ArticleAnalysis(7, null, """{"story":"7"}""");
        (await Store.SaveArticleAsync(new StoredRecord(new ArticleId(1), Article(1), null, analysis), default)).ShouldBe(SaveOutcome.Inserted);
        (await Store.SaveArticleAsync(new StoredRecord(new ArticleId(1), Article(1), null, analysis), default)).ShouldBe(SaveOutcome.Unchanged);

        // Saving the record alone (an import, an editor's change) keeps what the story stages concluded.
        (await Store.SaveRecordAsync(new ArticleId(1), Article(1) with { Heat = 12 }, default)).ShouldBe(SaveOutcome.Updated);

        (await Store.FindRecordAsync(new ArticleId(1), default))!.Analysis.ShouldBe(analysis);
    }

    [Fact]
    public async Task A_copy_names_the_article_it_copies()
    {
        await Store.SaveRecordAsync(new ArticleId(1), Article(1), default);
        var copy = new ArticleAnalysis(null, new ArticleId(1), null);

        await Store.SaveArticleAsync(new StoredRecord(new ArticleId(2), Article(2, "wire.example"), null, copy), default);

        (await Store.FindRecordAsync(new ArticleId(2), default))!.Analysis.ShouldBe(copy);
        (await Store.FindRecordAsync(new ArticleId(1), default))!.Analysis.ShouldBeNull();
    }

    [Fact]
    public async Task A_story_moves_when_its_article_is_saved_again()
    {
        await Store.SaveArticleAsync(new StoredRecord(new ArticleId(1), Article(1), null, new ArticleAnalysis(3, null, null)), default);
        await Store.SaveArticleAsync(new StoredRecord(new ArticleId(1), Article(1), null, new ArticleAnalysis(4, null, null)), default);

        (await Store.FindRecordAsync(new ArticleId(1), default))!.Analysis!.StoryId.ShouldBe(4);
    }

    [Fact]
    public async Task A_story_heat_is_every_member_heat()
    {
        await Store.SaveArticleAsync(new StoredRecord(new ArticleId(1), Article(1) with { Heat = 10 }, null, new ArticleAnalysis(5, null, null) { StoryHeatWhy = "one" }), default);
        await Store.SaveArticleAsync(new StoredRecord(new ArticleId(2), Article(2) with { Heat = 40 }, null, new ArticleAnalysis(5, null, null) { StoryHeatWhy = "two" }), default);
        await Store.SaveRecordAsync(new ArticleId(3), Article(3) with { Heat = 7 }, default);

        var first = (await Store.FindRecordAsync(new ArticleId(1), default))!;
        first.Record.Heat.ShouldBe(40);
        first.Analysis!.StoryHeatWhy.ShouldBe("two");
        (await Store.FindRecordAsync(new ArticleId(3), default))!.Record.Heat.ShouldBe(7);
        (await Store.ReadRecordsAsync(RecordOrder.Imported, default).Select(r => r.Record.Heat).ToListAsync()).ShouldBe([40, 40, 7]);
    }

    [Fact]
    public async Task An_editor_decision_sets_published_and_is_kept_with_who_when_and_why()
    {
        await Store.SaveRecordAsync(new ArticleId(1), Article(1), default);
        var publish = new EditorDecision(EditorAction.Publish, "ana", At, null);
        var reject = new EditorDecision(EditorAction.Reject, "bo", At.AddHours(1), "a press release");

        (await Store.SaveDecisionAsync(new ArticleId(1), publish, default)).ShouldBeTrue();
        (await Store.FindRecordAsync(new ArticleId(1), default))!.Record.Published.ShouldBeTrue();
        (await Store.SaveDecisionAsync(new ArticleId(1), reject, default)).ShouldBeTrue();

        (await Store.FindRecordAsync(new ArticleId(1), default))!.Record.Published.ShouldBeFalse();
        (await Store.ReadDecisionsAsync(new ArticleId(1), default)).ShouldBe([publish, reject]);
    }

    [Fact]
    public async Task A_decision_on_an_unknown_article_changes_nothing()
    {
        (await Store.SaveDecisionAsync(new ArticleId(9), new EditorDecision(EditorAction.Publish, "ana", At, null), default)).ShouldBeFalse();

        (await Store.ReadDecisionsAsync(new ArticleId(9), default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Provider_decisions_count_each_article_by_its_newest_decision()
    {
        await Store.SaveRecordAsync(new ArticleId(1), Article(1, "a.example"), default);
        await Store.SaveRecordAsync(new ArticleId(2), Article(2, "a.example"), default);
        await Store.SaveRecordAsync(new ArticleId(3), Article(3, "b.example"), default);
        await Store.SaveDecisionAsync(new ArticleId(1), new EditorDecision(EditorAction.Reject, "ana", At, "spam"), default);
        await Store.SaveDecisionAsync(new ArticleId(1), new EditorDecision(EditorAction.Publish, "ana", At.AddMinutes(1), null), default);
        await Store.SaveDecisionAsync(new ArticleId(2), new EditorDecision(EditorAction.Publish, "ana", At, null), default);
        await Store.SaveDecisionAsync(new ArticleId(3), new EditorDecision(EditorAction.Reject, "bo", At, "spam"), default);

        var counts = await Store.ReadProviderDecisionsAsync(default);

        counts["a.example"].ShouldBe(new ProviderDecisions(2, 0));
        counts["b.example"].ShouldBe(new ProviderDecisions(0, 1));
    }
}

using Lede.Decide;
using Lede.Normalize;
using Lede.Storage.Postgres;
using Lede.Store;
using Lede.Tests.Records;
using Npgsql;

namespace Lede.Storage.Tests;

/// <summary>
/// A commit whose answer never arrives (the connection drops just after the server committed) makes the store run the
/// whole transaction again: every write must then leave what one run leaves, and answer as one run would (issue 6).
/// </summary>
public sealed class PostgresLostCommitTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc);
    private readonly PostgresDatabase _database = PostgresDatabase.Create();
    private PostgresStore _store = null!;
    private int _lost;

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

    /// <summary>Runs <paramref name="write"/> with its first commit's answer lost: committed, then failed as a dropped connection.</summary>
    private async Task<T> LoseFirstAnswerAsync<T>(Func<Task<T>> write)
    {
        _store.AfterCommit = attempt =>
        {
            if (attempt == 1)
            {
                _lost++;
                throw new NpgsqlException("simulated: the connection dropped before the commit's answer arrived", new IOException("reset"));
            }
        };
        try
        {
            return await write();
        }
        finally
        {
            _store.AfterCommit = null;
        }
    }

    private long Count(string sql)
    {
        using var connection = _database.Connect();
        using var command = new NpgsqlCommand(sql, connection);
        return (long)command.ExecuteScalar()!;
    }

    private static StoredRecord Article(int n) => new(new ArticleId((ulong)n), Samples.Minimal with { WebUrl = $"https://example.com/{n}" });

    [Fact]
    public async Task A_decision_whose_commit_answer_was_lost_is_recorded_once()
    {
        await _store.SaveArticleAsync(Article(1), default);
        var decision = new EditorDecision(EditorAction.Reject, "ana", At, "a press release");

        (await LoseFirstAnswerAsync(() => _store.SaveDecisionAsync(Article(1).Id, decision, default))).ShouldBeTrue();

        _lost.ShouldBe(1);
        (await _store.ReadDecisionsAsync(Article(1).Id, default)).ShouldBe([decision]);
        Count("SELECT count(*) FROM decision").ShouldBe(1);
        (await _store.CheckAsync(null, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Two_calls_with_the_same_decision_are_two_decisions()
    {
        await _store.SaveArticleAsync(Article(1), default);
        var decision = new EditorDecision(EditorAction.Publish, "ana", At, null);

        await _store.SaveDecisionAsync(Article(1).Id, decision, default);
        await LoseFirstAnswerAsync(() => _store.SaveDecisionAsync(Article(1).Id, decision, default));

        (await _store.ReadDecisionsAsync(Article(1).Id, default)).ShouldBe([decision, decision]);
    }

    [Fact]
    public async Task A_decision_on_a_missing_article_is_refused_even_when_run_again()
        => (await LoseFirstAnswerAsync(() => _store.SaveDecisionAsync(new ArticleId(404), new EditorDecision(EditorAction.Publish, "ana", At, null), default)))
            .ShouldBeFalse();

    [Fact]
    public async Task A_stored_article_is_reported_inserted_and_stored_once()
    {
        (await LoseFirstAnswerAsync(() => _store.SaveArticleAsync(Article(1), default))).ShouldBe(SaveOutcome.Inserted);
        (await LoseFirstAnswerAsync(() => _store.SaveArticlesAsync([Article(2), Article(3)], default))).ShouldBeEmpty();

        _lost.ShouldBe(2);
        Count("SELECT count(*) FROM article").ShouldBe(3);
        Count("SELECT count(*) FROM article_image").ShouldBe(3 * Samples.Minimal.Images.Count);
        (await _store.SaveArticleAsync(Article(1), default)).ShouldBe(SaveOutcome.Unchanged);
        (await _store.CheckAsync(null, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_source_is_added_once_and_reported_added_then_removed_and_reported_removed()
    {
        var (source, added) = await LoseFirstAnswerAsync(() => _store.AddSourceAsync("https://news.example/feed", "News", ["AI"], default));

        added.ShouldBeTrue();
        (await _store.ListSourcesAsync(default)).Select(s => s.Id).ShouldBe([source.Id]);
        (await _store.AddSourceAsync("https://news.example/feed", "News", ["AI"], default)).Added.ShouldBeFalse();
        (await LoseFirstAnswerAsync(() => _store.RemoveSourceAsync(source.Id, default))).ShouldBeTrue();
        (await _store.ListSourcesAsync(default)).ShouldBeEmpty();
        (await _store.RemoveSourceAsync(source.Id, default)).ShouldBeFalse();
    }

    [Fact]
    public async Task Queued_pages_claims_and_completions_run_again_leave_one_row_per_page()
    {
        var (source, _) = await _store.AddSourceAsync("https://news.example/feed", null, [], default);
        var pages = Enumerable.Range(0, 5).Select(i => ($"https://news.example/{i}", "{}")).ToList();

        (await LoseFirstAnswerAsync(() => _store.EnqueuePagesAsync(source.Id, pages, default))).ShouldBe(5);
        var claimed = await LoseFirstAnswerAsync(() => _store.ClaimPagesAsync("w1", TimeSpan.FromMinutes(1), 10, default));
        claimed.Count.ShouldBe(5);
        (await _store.ClaimPagesAsync("w2", TimeSpan.FromMinutes(1), 10, default)).ShouldBeEmpty();
        var sources = await LoseFirstAnswerAsync(() => _store.ClaimSourcesAsync("w1", DateTime.UtcNow, TimeSpan.FromMinutes(1), 10, default));
        sources.Select(s => s.Id).ShouldBe([source.Id]);
        await LoseFirstAnswerAsync(async () =>
        {
            await _store.CompletePagesAsync(claimed.Select(p => p.Id).ToList(), default);
            return true;
        });

        Count("SELECT count(*) FROM page_queue").ShouldBe(0);
        (await _store.BacklogAsync(DateTime.UtcNow, default)).QueuedPages.ShouldBe(0);
    }

    [Fact]
    public async Task A_lease_taken_again_after_a_lost_answer_moves_its_turn_once()
    {
        var minute = TimeSpan.FromMinutes(1);
        (await _store.TryTakeLeaseAsync("stories", "a", minute, default)).ShouldBe(0);
        await _store.ReleaseLeaseAsync("stories", "a", default);

        (await LoseFirstAnswerAsync(() => _store.TryTakeLeaseAsync("stories", "a", minute, default))).ShouldBe(1);
        (await _store.TryTakeLeaseAsync("stories", "b", minute, default)).ShouldBeNull();
        await _store.ReleaseLeaseAsync("stories", "a", default);
        (await _store.TryTakeLeaseAsync("stories", "b", minute, default)).ShouldBe(2);
    }
}

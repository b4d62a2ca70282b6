using Dapper;
using Lede.Normalize;
using Lede.Records;
using Lede.Storage.Postgres;
using Lede.Store;
using Lede.Tests.Records;

namespace Lede.Storage.Tests;

public sealed class PostgresStoreTests : StoreContractTests, IDisposable
{
    private PostgresDatabase? _database;

    protected override Task<IStore> OpenAsync()
    {
        _database = PostgresDatabase.Create();
        return Task.FromResult<IStore>(PostgresStore.Open(_database.ConnectionString));
    }

    public void Dispose() => _database?.Dispose();

    [Theory]
    [InlineData("lone \ud800 high and \udc00 low")]
    [InlineData("esc \u001b0 looks like an escape \u001b\u001b and \u001bu0041")]
    [InlineData("nul\0 and \u001b together\0")]
    public async Task Text_PostgreSQL_cannot_hold_comes_back_exactly(string text)
    {
        var record = Samples.Minimal with { Title = text, WebUrl = $"https://example.com/{text}", Topics = [text], Provider = new ProviderRef(text, text) };

        await Store.SaveRecordAsync(new ArticleId(3), record, default);

        RecordComparer.AssertSame((await Store.FindRecordAsync(new ArticleId(3), default))!.Record, record);
        (await Store.FindArticleByUrlAsync(record.WebUrl, default)).ShouldBe(new ArticleId(3));
    }

    [Fact]
    public async Task Ordinary_text_is_stored_as_it_is_for_anyone_reading_the_database()
    {
        await Store.SaveRecordAsync(new ArticleId(3), Samples.Minimal with { Title = "Plain «title» 😀" }, default);

        using var connection = _database!.Connect();
        connection.ExecuteScalar<string>("SELECT title FROM article WHERE id = 3").ShouldBe("Plain «title» 😀");
    }

    [Fact]
    public async Task A_batch_keeps_the_others_when_one_article_conflicts()
    {
        StoredRecord Article(int n, string url) => new(new ArticleId((ulong)n), Samples.Minimal with { WebUrl = url });

        var conflicts = await Store.SaveArticlesAsync(
            [Article(1, "https://example.com/a"), Article(2, "https://example.com/a"), Article(3, "https://example.com/c")], default);

        conflicts.ShouldHaveSingleItem().Id.ShouldBe(new ArticleId(2));
        (await Store.ReadRecordsAsync(RecordOrder.Imported, default).Select(r => r.Id.Value).ToListAsync()).ShouldBe([1UL, 3UL]);
    }

    [Fact]
    public async Task An_article_that_fails_halfway_leaves_nothing_behind()
    {
        using (var connection = _database!.Connect())
        {
            connection.Execute("""
                CREATE FUNCTION fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$;
                CREATE TRIGGER fail_related BEFORE INSERT ON related_snapshot FOR EACH ROW EXECUTE FUNCTION fail();
                """);
        }

        var record = Samples.Minimal with
        {
            Images = [new RecordImage("https://example.com/i.jpg", 1, 1, true)],
            Related = [new RelatedEntry
            {
                Title = "t", Excerpt = "e", PublishedDateTime = Samples.Minimal.PublishedDateTime, WebUrl = "https://example.org/r",
                Provider = new ProviderRef("Org", "example.org"),
            }],
        };

        await Should.ThrowAsync<Npgsql.PostgresException>(() => Store.SaveRecordAsync(new ArticleId(7), record, default));

        using var check = _database.Connect();
        check.ExecuteScalar<long>("SELECT (SELECT COUNT(*) FROM article) + (SELECT COUNT(*) FROM article_image) + (SELECT COUNT(*) FROM provider)").ShouldBe(0);
        (await Store.SaveRecordAsync(new ArticleId(7), Samples.Minimal, default)).ShouldBe(SaveOutcome.Inserted);
    }
}

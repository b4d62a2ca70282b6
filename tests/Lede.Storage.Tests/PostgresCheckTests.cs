using Dapper;
using Lede.Normalize;
using Lede.Records;
using Lede.Storage.Postgres;
using Lede.Store;
using Lede.Tests.Records;

namespace Lede.Storage.Tests;

/// <summary><c>db check</c> on PostgreSQL: a sound store has no problems; each kind of damage is found and named.</summary>
public sealed class PostgresCheckTests : IAsyncLifetime, IDisposable
{
    private readonly KeyRing _keys = new([SecuredKey.New(out _)]);
    private PostgresDatabase? _database;
    private IStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = PostgresDatabase.Create();
        _store = PostgresStore.Open(_database.ConnectionString);
        var seal = new SecuredBox(_keys).Seal(new ArticleId(1), new SecuredPayload("full text", ["Ana"], null));
        await _store.SaveRecordAsync(new ArticleId(1), Article(1, related: 2) with { Secured = seal.Value }, seal, default);
        await _store.SaveRecordAsync(new ArticleId(2), Article(2, related: 1) with { Topics = ["AI"] }, default);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose() => _database?.Dispose();

    private static ArticleRecord Article(int n, int? related = null) => Samples.Minimal with
    {
        WebUrl = $"https://example.com/{n}",
        Related = related is { } r
            ? [new RelatedEntry { Title = "t", Excerpt = "e", PublishedDateTime = Samples.Minimal.PublishedDateTime, WebUrl = $"https://example.com/{r}", Provider = new ProviderRef("Example", "example.com") }]
            : [],
    };

    private void Damage(string sql)
    {
        using var connection = _database!.Connect();
        connection.Execute(sql);
    }

    [Fact]
    public async Task A_sound_store_has_no_problems()
        => (await _store.CheckAsync(_keys, default)).ShouldBeEmpty();

    [Fact]
    public async Task A_related_link_not_listed_back_is_found()
    {
        await _store.SaveRecordAsync(new ArticleId(2), Article(2), default);

        var problem = (await _store.CheckAsync(null, default)).ShouldHaveSingleItem();

        problem.ToString().ShouldBe("related: article 0000000000000001: lists https://example.com/2 (article 0000000000000002), which does not list it back");
    }

    [Fact]
    public async Task A_tampered_payload_is_found_with_the_keys_and_a_missing_mac_without()
    {
        Damage("UPDATE article SET secured_mac = 'v2:AAAA' || substr(secured_mac, 8) WHERE id = 1");
        (await _store.CheckAsync(null, default)).ShouldBeEmpty();
        (await _store.CheckAsync(_keys, default)).ShouldHaveSingleItem().Kind.ShouldBe("secured");

        Damage("UPDATE article SET secured_mac = NULL WHERE id = 1");
        (await _store.CheckAsync(null, default)).ShouldHaveSingleItem().Message.ShouldContain("no key id or MAC");
    }

    [Fact]
    public async Task A_payload_sealed_with_a_key_not_in_the_ring_is_named()
    {
        var problem = (await _store.CheckAsync(new KeyRing([SecuredKey.New(out _)]), default)).ShouldHaveSingleItem();

        (problem.Kind, problem.Subject).ShouldBe(("secured", "article 0000000000000001"));
        problem.Message.ShouldContain("not in the key ring");
    }

    [Fact]
    public async Task Rows_left_pointing_at_nothing_are_found_even_when_keys_were_bypassed()
    {
        // Replica mode skips foreign keys, as a careless bulk load would.
        Damage("SET session_replication_role = replica; DELETE FROM article WHERE id = 2; DELETE FROM topic;");

        var problems = await _store.CheckAsync(null, default);

        problems.Where(p => p.Kind == "orphan").Select(p => p.Message).ShouldBe(
            ["topics of a missing article", "a topic it lists is missing", "related entries of a missing article", "URLs of a missing article"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task A_database_behind_the_newest_schema_is_a_schema_problem()
    {
        Damage("DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)");

        (await _store.CheckAsync(null, default)).ShouldHaveSingleItem().Kind.ShouldBe("schema");
    }
}

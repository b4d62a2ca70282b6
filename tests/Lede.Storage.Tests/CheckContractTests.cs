using Lede.Decide;
using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Lede.Tests.Records;

namespace Lede.Storage.Tests;

/// <summary>What every store's <c>db check</c> must find: a clean store has no problems, and each kind of damage is found and named.</summary>
public abstract class CheckContractTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    protected static readonly ArticleId First = new(0x1111);
    protected static readonly ArticleId Second = new(0x2222);
    protected static readonly ArticleId Imported = new(0x3333);

    protected IStore Store { get; private set; } = null!;

    protected KeyRing Keys { get; } = new([SecuredKey.New(out _)]);

    protected abstract Task<IStore> OpenAsync();

    /// <summary>Damages the database with raw SQL around <paramref name="target"/>; false when this store cannot hold such damage (say, a generated column).</summary>
    protected abstract Task<bool> DamageAsync(Damage damage, ArticleId target);

    public async Task InitializeAsync()
    {
        Store = await OpenAsync();
        await SaveCleanNewsroomAsync();
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    // Two related articles sealed by Lede, with topics, images, a story and a decision, and one imported without its key.
    private async Task SaveCleanNewsroomAsync()
    {
        var box = new SecuredBox(Keys);
        var first = Article(1, "Drones over the harbour");
        var second = Article(2, "Harbour drone ban");
        first = first with { Related = [Snapshot(second)] };
        second = second with { Related = [Snapshot(first)] };
        foreach (var (id, record) in new[] { (First, first), (Second, second) })
        {
            var seal = box.Seal(id, new SecuredPayload($"Full text of {record.Title}.", ["A. Writer"], null));
            await Store.SaveArticleAsync(new StoredRecord(id, record with { Secured = seal.Value }, seal, new ArticleAnalysis(7, null, null)), default);
        }

        var foreign = new SecuredBox(new KeyRing([SecuredKey.New(out _)])).Seal(Imported, new SecuredPayload("Someone else's text.", [], null));
        await Store.SaveRecordAsync(Imported, Article(3, "Imported coverage") with { Secured = foreign.Value }, default);
        await Store.SaveDecisionAsync(First, new EditorDecision(EditorAction.Publish, "editor", At, "good"), default);
    }

    private static ArticleRecord Article(int n, string title) => Samples.Minimal with
    {
        Title = title,
        Excerpt = $"Excerpt {n}.",
        WebUrl = $"https://news{n}.example/{n}",
        OriginalUrl = $"https://news{n}.example/{n}?utm_source=feed",
        Provider = new ProviderRef($"News {n}", $"news{n}.example"),
        PublishedDateTime = At.AddHours(n),
        Topics = ["AI", "Drones"],
        Images = [new RecordImage($"https://news{n}.example/{n}.jpg", 640, 480, false)],
    };

    private static RelatedEntry Snapshot(ArticleRecord r) => new()
    {
        Title = r.Title,
        Excerpt = r.Excerpt,
        PublishedDateTime = r.PublishedDateTime,
        WebUrl = r.WebUrl,
        Provider = r.Provider,
        Quality = r.Quality,
    };

    [Fact]
    public async Task A_clean_store_has_no_problems()
    {
        (await Store.CheckAsync(null, default)).ShouldBeEmpty();
        (await Store.CheckAsync(Keys, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_payload_sealed_with_a_key_not_given_is_named()
    {
        var problems = await Store.CheckAsync(new KeyRing([SecuredKey.New(out _)]), default);

        problems.Count.ShouldBe(2);
        problems.ShouldAllBe(p => p.Kind == "secured" && p.Message.Contains("not in the key ring"));
        problems.Select(p => p.Subject).ShouldBe([$"article {First}", $"article {Second}"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(Damage.TopicOfMissingArticle, "orphan")]
    [InlineData(Damage.UrlOfMissingArticle, "orphan")]
    [InlineData(Damage.ImageOfMissingArticle, "orphan")]
    [InlineData(Damage.DecisionOfMissingArticle, "orphan")]
    [InlineData(Damage.StoryMissing, "orphan")]
    [InlineData(Damage.RelatedNotReturned, "related")]
    [InlineData(Damage.SearchEntryMissing, "search")]
    [InlineData(Damage.SearchEntryStale, "search")]
    [InlineData(Damage.MacRemoved, "secured")]
    [InlineData(Damage.KeyIdRemoved, "secured")]
    public async Task Each_kind_of_damage_is_found_and_named(Damage damage, string kind)
    {
        if (!await DamageAsync(damage, First))
        {
            return;
        }

        var problems = await Store.CheckAsync(null, default);

        problems.ShouldNotBeEmpty();
        problems.ShouldAllBe(p => p.Kind == kind, string.Join("\n", problems));
        if (kind is "related" or "search" or "secured")
        {
            problems.ShouldContain(p => p.Subject == $"article {First}", string.Join("\n", problems));
        }
    }

    [Fact]
    public async Task A_tampered_ciphertext_is_found_when_keys_are_given()
    {
        if (!await DamageAsync(Damage.CiphertextTampered, First))
        {
            return;
        }

        // Without keys nothing can tell: the payload still has its key id and MAC.
        (await Store.CheckAsync(null, default)).ShouldBeEmpty();

        var problem = (await Store.CheckAsync(Keys, default)).ShouldHaveSingleItem();
        problem.Kind.ShouldBe("secured");
        problem.Subject.ShouldBe($"article {First}");
        problem.Message.ShouldContain("MAC");
    }

    [Fact]
    public async Task Payloads_swapped_between_articles_are_found_for_both()
    {
        if (!await DamageAsync(Damage.PayloadsSwapped, First))
        {
            return;
        }

        var problems = await Store.CheckAsync(Keys, default);

        problems.Select(p => p.Subject).ShouldBe([$"article {First}", $"article {Second}"], ignoreOrder: true);
        problems.ShouldAllBe(p => p.Kind == "secured" && !p.IsNotice && p.Message.Contains("sealed for another article"));
        var moved = (await Store.FindRecordAsync(First, default))!;
        Should.Throw<SecuredPayloadException>(() => new SecuredBox(Keys).Open(First, moved.Seal!));
        new SecuredBox(Keys).Open(Second, moved.Seal!).Text.ShouldBe("Full text of Harbour drone ban.");
    }
}

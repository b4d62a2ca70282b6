using Lede.Normalize;
using Lede.Records;
using Lede.Store;
using Lede.Tests.Records;

namespace Lede.Storage.Tests;

/// <summary>What every store's search must do; only behaviour FTS5 and PostgreSQL's full-text search share is asserted (no rank values, no snippet lengths).</summary>
public abstract class SearchContractTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    protected IStore Store { get; private set; } = null!;

    protected abstract Task<IStore> OpenAsync();

    public async Task InitializeAsync() => Store = await OpenAsync();

    public async Task DisposeAsync() => await Store.DisposeAsync();

    private async Task<ArticleId> SaveAsync(int n, string title, string excerpt, IReadOnlyList<string>? topics = null, bool published = false,
        int day = 0, string provider = "Example", SealedPayload? seal = null)
    {
        var id = new ArticleId((ulong)n);
        var record = Samples.Minimal with
        {
            Title = title,
            Excerpt = excerpt,
            WebUrl = $"https://example.com/{n}",
            OriginalUrl = $"https://example.com/{n}",
            Provider = new ProviderRef(provider, "example.com"),
            Topics = topics ?? [],
            Published = published,
            PublishedDateTime = At.AddDays(day),
            Secured = seal?.Value,
        };
        await Store.SaveRecordAsync(id, record, seal, default);
        return id;
    }

    private async Task<List<ArticleId>> IdsAsync(string text, string? topic = null, DateTime? since = null, bool publishedOnly = false, int limit = 20)
        => [.. (await Store.SearchAsync(new SearchQuery(text, topic, since, publishedOnly, limit), default)).Select(h => h.Id)];

    [Fact]
    public async Task A_title_match_ranks_above_an_excerpt_only_match()
    {
        var inExcerpt = await SaveAsync(1, "Council meets on Tuesday", "The council discussed drones over the city park for an hour.");
        var inTitle = await SaveAsync(2, "Drones banned over the city park", "The council voted on Tuesday after a long debate.");
        await SaveAsync(3, "Weather", "Sunny all week.");

        (await IdsAsync("drones")).ShouldBe([inTitle, inExcerpt]);
    }

    [Fact]
    public async Task Words_match_their_stemmed_forms()
    {
        var id = await SaveAsync(1, "New regulation of facial recognition", "Lawmakers act.");

        (await IdsAsync("regulations")).ShouldBe([id]);
        (await IdsAsync("recognition regulation")).ShouldBe([id]);
    }

    [Fact]
    public async Task Every_word_must_match()
    {
        var both = await SaveAsync(1, "Drones and privacy", "A report.");
        await SaveAsync(2, "Drones in farming", "A report.");

        (await IdsAsync("drones privacy")).ShouldBe([both]);
    }

    [Fact]
    public async Task A_quoted_phrase_matches_those_words_in_that_order()
    {
        var phrase = await SaveAsync(1, "The city council votes", "A long evening.");
        await SaveAsync(2, "The council of the city votes", "A long evening.");

        (await IdsAsync("\"city council\"")).ShouldBe([phrase]);
        (await IdsAsync("city council")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_minus_word_excludes_articles_with_it()
    {
        await SaveAsync(1, "Drones over the stadium", "Police respond.");
        var kept = await SaveAsync(2, "Drones over the harbour", "Police respond.");

        (await IdsAsync("drones -stadium")).ShouldBe([kept]);
        (await IdsAsync("drones -\"over the stadium\"")).ShouldBe([kept]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("* : ( ) \" -")]
    [InlineData("-drones")]
    public async Task A_query_with_nothing_to_look_for_is_refused_clearly(string text)
    {
        await SaveAsync(1, "Drones", "Drones everywhere.");

        var e = await Should.ThrowAsync<ArgumentException>(() => Store.SearchAsync(new SearchQuery(text), default));
        e.Message.ShouldContain("search");
    }

    [Theory]
    [InlineData("drones NEAR(")]
    [InlineData("drones*")]
    [InlineData("\"drones")]
    [InlineData("drones\"")]
    [InlineData("title:drones")]
    [InlineData("drones AND")]
    [InlineData("(drones)")]
    [InlineData("drones ^ {title} : + NOT")]
    [InlineData("drones \0 \u0002 \u0003")]
    public async Task Search_syntax_in_what_the_user_typed_is_never_an_error(string text)
        => await Should.NotThrowAsync(async () =>
        {
            await SaveAsync(1, "Drones over the harbour", "Police respond.");
            await Store.SearchAsync(new SearchQuery(text), default);
        });

    [Fact]
    public async Task A_star_is_not_a_prefix_search()
    {
        await SaveAsync(1, "Facebook changes its feed", "Users react.");

        (await IdsAsync("face*")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Snippets_mark_the_matched_words_in_the_excerpt()
    {
        await SaveAsync(1, "Council meets", "The council discussed drones over the city park.");

        var hit = (await Store.SearchAsync(new SearchQuery("drones"), default)).ShouldHaveSingleItem();

        hit.Snippet.ShouldContain($"{SearchHit.MarkStart}drones{SearchHit.MarkEnd}");
        hit.Title.ShouldBe("Council meets");
        hit.WebUrl.ShouldBe("https://example.com/1");
        hit.ProviderName.ShouldBe("Example");
        hit.PublishedAt.ShouldBe(At);
    }

    [Fact]
    public async Task A_title_only_match_marks_the_title()
    {
        await SaveAsync(1, "Drones banned", "The council voted on Tuesday.");

        var hit = (await Store.SearchAsync(new SearchQuery("drones"), default)).ShouldHaveSingleItem();

        hit.Snippet.ShouldContain($"{SearchHit.MarkStart}Drones{SearchHit.MarkEnd}");
    }

    [Fact]
    public async Task Provider_names_and_topics_are_searched()
    {
        var byProvider = await SaveAsync(1, "Budget day", "Numbers.", provider: "Harbourside Gazette");
        var byTopic = await SaveAsync(2, "Budget night", "Numbers.", topics: ["Computer Vision"]);

        (await IdsAsync("harbourside")).ShouldBe([byProvider]);
        (await IdsAsync("vision")).ShouldBe([byTopic]);
    }

    [Fact]
    public async Task The_topic_filter_ignores_case_and_keeps_only_that_topic()
    {
        var ai = await SaveAsync(1, "Drones learn to fly", "Research.", topics: ["AI", "Robotics"]);
        await SaveAsync(2, "Drones in farming", "Research.", topics: ["Agriculture"]);

        (await IdsAsync("drones", topic: "ai")).ShouldBe([ai]);
        (await IdsAsync("drones", topic: "ROBOTICS")).ShouldBe([ai]);
        (await IdsAsync("drones", topic: "Space")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_topic_filter_wants_the_whole_topic_not_its_words_elsewhere()
    {
        // The topic's words in a provider's name, a title or another topic's name are not the topic.
        var vision = await SaveAsync(1, "Drones see", "Research.", topics: ["Computer Vision", "The Who"]);
        await SaveAsync(2, "Drones and vision", "Research.", provider: "Computer Vision Weekly");
        var split = await SaveAsync(3, "Drones", "Research.", topics: ["Computer", "Vision"]);
        var quoted = await SaveAsync(4, "Drones fly", "Research.", topics: ["It's \\ odd"]);

        (await IdsAsync("drones", topic: "computer vision")).ShouldBe([vision]);
        (await IdsAsync("drones", topic: "the who")).ShouldBe([vision], "a topic of stop words only");
        (await IdsAsync("drones", topic: "IT'S \\ ODD")).ShouldBe([quoted]);
        (await IdsAsync("drones", topic: "vision")).ShouldBe([split]);
    }

    [Fact]
    public async Task Since_and_published_filters_narrow_the_hits()
    {
        var oldPublished = await SaveAsync(1, "Drones one", "Text.", published: true, day: 0);
        var newPublished = await SaveAsync(2, "Drones two", "Text.", published: true, day: 10);
        var newDraft = await SaveAsync(3, "Drones three", "Text.", published: false, day: 10);

        (await IdsAsync("drones", since: At.AddDays(10))).ShouldBe([newPublished, newDraft], ignoreOrder: true);
        (await IdsAsync("drones", publishedOnly: true)).ShouldBe([oldPublished, newPublished], ignoreOrder: true);
        (await IdsAsync("drones", since: At.AddDays(5), publishedOnly: true)).ShouldBe([newPublished]);
    }

    [Fact]
    public async Task Since_counts_across_months_and_years()
    {
        var days = new[] { -400, -1, 0, 45, 70 };
        for (var i = 0; i < days.Length; i++)
        {
            await SaveAsync(i + 1, $"Drones {i}", "Text.", day: days[i]);
        }

        (await IdsAsync("drones", since: At.AddDays(-1).AddHours(1))).ShouldBe([new(3), new(4), new(5)], ignoreOrder: true);
        (await IdsAsync("drones", since: At.AddDays(50))).ShouldBe([new ArticleId(5)]);
        (await IdsAsync("drones", since: At.AddDays(-500))).Count.ShouldBe(5);
        (await IdsAsync("drones", since: At.AddDays(71))).ShouldBeEmpty();
        (await IdsAsync("drones", since: DateTime.MinValue)).Count.ShouldBe(5);
    }

    // The since filter may bound the search by the order articles were stored in: never by assuming it is publication order.
    [Fact]
    public async Task Since_finds_a_recent_article_stored_before_older_ones()
    {
        var recent = await SaveAsync(1, "Drones recent", "Text.", day: 30);
        for (var n = 2; n <= 6; n++)
        {
            await SaveAsync(n, $"Drones {n}", "Text.", day: -n);
        }

        var late = await SaveAsync(7, "Drones late", "Text.", day: 31);

        (await IdsAsync("drones", since: At.AddDays(29))).ShouldBe([recent, late], ignoreOrder: true);
        (await IdsAsync("drones text", since: At.AddDays(29))).ShouldBe([recent, late], ignoreOrder: true);
        (await IdsAsync("\"drones recent\"", since: At.AddDays(29))).ShouldBe([recent]);
    }

    // Stored in no order of publication, some on since's own day before and after its hour: exactly those since are hits.
    [Fact]
    public async Task Since_keeps_exactly_the_articles_published_since_whatever_order_they_were_stored_in()
    {
        var since = At.AddDays(20).AddHours(12);
        var expected = new List<ArticleId>();
        for (var n = 1; n <= 60; n++)
        {
            // Days 0 to 39 in a shuffled order, half of them at noon, the rest at night.
            var published = At.AddDays(n * 7 % 40).AddHours(n % 2 == 0 ? 11 : 13);
            var id = new ArticleId((ulong)n);
            await Store.SaveRecordAsync(id, Samples.Minimal with
            {
                Title = $"Drones {n}",
                Excerpt = "Text.",
                WebUrl = $"https://example.com/{n}",
                OriginalUrl = $"https://example.com/{n}",
                PublishedDateTime = published,
            }, null, default);
            if (published >= since)
            {
                expected.Add(id);
            }
        }

        (await IdsAsync("drones", since: since, limit: 100)).ShouldBe(expected, ignoreOrder: true);
        (await IdsAsync("drones text", since: since, limit: 100)).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task The_limit_caps_the_hits()
    {
        for (var n = 1; n <= 5; n++)
        {
            await SaveAsync(n, $"Drones {n}", "Text.");
        }

        (await IdsAsync("drones", limit: 3)).Count.ShouldBe(3);
        (await IdsAsync("drones", limit: 0)).Count.ShouldBeInRange(0, 1);
    }

    [Fact]
    public async Task An_updated_article_is_found_by_its_new_words_only()
    {
        await SaveAsync(1, "Drones over the harbour", "Police respond.");
        await SaveAsync(1, "Kites over the harbour", "Police respond.");

        (await IdsAsync("drones")).ShouldBeEmpty();
        (await IdsAsync("kites")).ShouldBe([new ArticleId(1)]);
    }

    [Fact]
    public async Task A_published_decision_is_seen_by_the_published_filter()
    {
        var id = await SaveAsync(1, "Drones over the harbour", "Police respond.");
        (await IdsAsync("drones", publishedOnly: true)).ShouldBeEmpty();

        await Store.SaveDecisionAsync(id, new Decide.EditorDecision(Decide.EditorAction.Publish, "editor", At, "good"), default);

        (await IdsAsync("drones", publishedOnly: true)).ShouldBe([id]);
    }

    [Fact]
    public async Task The_sealed_full_text_is_never_searched()
    {
        var box = new SecuredBox(new KeyRing([SecuredKey.New(out _)]));
        var seal = box.Seal(new ArticleId(1), new SecuredPayload("The zeppelin landed quietly.", ["Quentin Zebulon"], "A zeppelin description."));
        await SaveAsync(1, "Airships return", "A short excerpt.", seal: seal);

        (await IdsAsync("zeppelin")).ShouldBeEmpty();
        (await IdsAsync("zebulon")).ShouldBeEmpty();
        (await IdsAsync("airships")).ShouldBe([new ArticleId(1)]);
    }
}

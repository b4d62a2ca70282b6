using Dapper;
using Lede.Normalize;
using Lede.Storage.Postgres;
using Lede.Store;
using Lede.Tests.Records;

namespace Lede.Storage.Tests;

/// <summary>Search on PostgreSQL: tsvector over the public fields, websearch syntax, ts_rank_cd, ts_headline snippets.</summary>
public sealed class PostgresSearchTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTime At = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
    private PostgresDatabase? _database;
    private IStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = PostgresDatabase.Create();
        _store = PostgresStore.Open(_database.ConnectionString);
        await SaveAsync(1, "Regulators weigh facial recognition rules", "Lawmakers in Brussels debated the draft on Tuesday.", ["AI", "Policy"], published: true);
        await SaveAsync(2, "Weather today", "Officials say a law on facial recognition is near; sunny skies.", ["Climate"], published: false);
        await SaveAsync(3, "Cats and dogs", "Pets are popular in the city.", [], published: true, body: "Body words: zeppelin\n");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose() => _database?.Dispose();

    private Task SaveAsync(int n, string title, string excerpt, string[] topics, bool published, string body = "\n") =>
        _store.SaveRecordAsync(new ArticleId((ulong)n), Samples.Minimal with
        {
            Title = title,
            Excerpt = excerpt,
            Topics = topics,
            Published = published,
            Body = body,
            WebUrl = $"https://example.com/{n}",
            PublishedDateTime = At.AddDays(n),
        }, default);

    private async Task<ulong[]> IdsAsync(SearchQuery query) => [.. (await _store.SearchAsync(query, default)).Select(h => h.Id.Value)];

    [Fact]
    public async Task A_title_match_ranks_above_an_excerpt_match()
        => (await IdsAsync(new SearchQuery("facial recognition"))).ShouldBe([1UL, 2UL]);

    [Fact]
    public async Task Words_match_by_their_stem()
        => (await IdsAsync(new SearchQuery("regulation"))).ShouldBe([1UL]);

    [Fact]
    public async Task Phrases_keep_their_order_and_excluded_words_exclude()
    {
        (await IdsAsync(new SearchQuery("\"facial recognition\""))).ShouldBe([1UL, 2UL]);
        (await IdsAsync(new SearchQuery("\"recognition facial\""))).ShouldBeEmpty();
        (await IdsAsync(new SearchQuery("facial -weather"))).ShouldBe([1UL]);
    }

    [Fact]
    public async Task Provider_and_topics_are_searched_but_never_the_body()
    {
        (await IdsAsync(new SearchQuery("climate"))).ShouldBe([2UL]);
        (await IdsAsync(new SearchQuery("zeppelin"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Filters_narrow_the_hits()
    {
        (await IdsAsync(new SearchQuery("facial", Topic: "ai"))).ShouldBe([1UL]);
        (await IdsAsync(new SearchQuery("facial", Since: At.AddDays(2)))).ShouldBe([2UL]);
        (await IdsAsync(new SearchQuery("facial", PublishedOnly: true))).ShouldBe([1UL]);
        (await IdsAsync(new SearchQuery("facial", Limit: 1))).ShouldBe([1UL]);
        (await IdsAsync(new SearchQuery("facial", Limit: 0))).ShouldBe([1UL], "a limit below 1 means 1");
    }

    [Fact]
    public async Task Snippets_mark_the_matches_in_the_excerpt_else_the_title()
    {
        var hits = await _store.SearchAsync(new SearchQuery("facial"), default);

        hits[0].Snippet.ShouldContain($"{SearchHit.MarkStart}facial{SearchHit.MarkEnd}");
        hits[0].Snippet.ShouldStartWith("Regulators");
        hits[1].Snippet.ShouldContain($"{SearchHit.MarkStart}facial{SearchHit.MarkEnd} recognition is near");
        (hits[1].Title, hits[1].WebUrl, hits[1].Published, hits[1].PublishedAt).ShouldBe(("Weather today", "https://example.com/2", false, At.AddDays(2)));
        hits[0].Rank.ShouldBeGreaterThan(hits[1].Rank);
    }

    [Fact]
    public async Task An_updated_article_is_searched_as_it_is_now()
    {
        await SaveAsync(3, "Cats and zebras", "Pets are popular in the city.", [], published: true);

        (await IdsAsync(new SearchQuery("zebra"))).ShouldBe([3UL]);
        (await IdsAsync(new SearchQuery("dogs"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Articles_stored_across_a_search_partition_boundary_are_searched_and_kept_in_step()
    {
        using (var connection = _database!.Connect())
        {
            connection.Execute("ALTER TABLE article ALTER COLUMN seq RESTART WITH 199999");
        }

        await SaveAsync(4, "Zeppelin one", "Flights above the city.", [], published: true);
        await SaveAsync(5, "Zeppelin two", "Flights above the harbour.", [], published: true);
        await SaveAsync(4, "Airship one", "Flights above the city.", [], published: false);

        (await IdsAsync(new SearchQuery("zeppelin"))).ShouldBe([5UL]);
        (await IdsAsync(new SearchQuery("airship"))).ShouldBe([4UL]);
        (await IdsAsync(new SearchQuery("flights", PublishedOnly: true))).ShouldBe([5UL]);
        (await _store.CheckAsync(null, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Published_only_searches_use_the_published_index_of_every_partition_and_follow_editors()
    {
        using var connection = _database!.Connect();
        connection.Execute("ALTER TABLE article ALTER COLUMN seq RESTART WITH 299999");
        await SaveAsync(6, "Zeppelin six", "Flights above the bay.", [], published: true);
        await SaveAsync(7, "Zeppelin seven", "Flights above the hills.", [], published: false);

        // Partitions attached after the migration (seq 200,000 on) carry the partial index too.
        var partitions = connection.Query<string>(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'article_search'::regclass ORDER BY 1").AsList();
        partitions.Count.ShouldBe(3);
        foreach (var partition in partitions)
        {
            var index = connection.QuerySingleOrDefault<string>(
                "SELECT indexname FROM pg_indexes WHERE tablename = @Partition AND indexdef LIKE '%WHERE published%'", new { Partition = partition });
            index.ShouldNotBeNull($"{partition} has no index of published articles");
            if (partition.EndsWith("_3", StringComparison.Ordinal))
            {
                // The search's filter, planned with its value, is the index's predicate.
                connection.Execute("SET enable_seqscan = off");
                var plan = string.Join('\n', connection.Query<string>(
                    $"EXPLAIN SELECT seq FROM {partition} s WHERE s.search @@ 'zeppelin'::tsquery AND (NOT true OR s.published)"));
                plan.ShouldContain(index);
            }
        }

        (await IdsAsync(new SearchQuery("zeppelin", PublishedOnly: true))).ShouldBe([6UL]);
        await SaveAsync(6, "Zeppelin six", "Flights above the bay.", [], published: false);
        await SaveAsync(7, "Zeppelin seven", "Flights above the hills.", [], published: true);
        (await IdsAsync(new SearchQuery("zeppelin", PublishedOnly: true))).ShouldBe([7UL]);
        (await _store.CheckAsync(null, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_search_walks_down_the_stored_order_to_older_matches_and_ranks_them_all_together()
    {
        await SaveAsync(9, "Airship crosses the bay", "The airship landed at noon.", [], published: true);
        using (var connection = _database!.Connect())
        {
            connection.Execute("ALTER TABLE article ALTER COLUMN seq RESTART WITH 290000");
        }

        await SaveAsync(8, "Harbour notes", "An airship passed over the harbour.", [], published: true);

        // The newest rows hold 8 only: the walk goes on down to 9, 290,000 rows older, which ranks first (its title).
        (await IdsAsync(new SearchQuery("airship"))).ShouldBe([9UL, 8UL]);
        // Nothing among the newest rows: slices grow until they reach it.
        (await IdsAsync(new SearchQuery("bay"))).ShouldBe([9UL]);
        // A compound search stops at the newest 250,000 rows.
        (await IdsAsync(new SearchQuery("airship bay"))).ShouldBeEmpty();
        (await IdsAsync(new SearchQuery("airship harbour"))).ShouldBe([8UL]);
        (await IdsAsync(new SearchQuery("airship", Limit: 1))).ShouldBe([9UL]);
    }

    [Fact]
    public async Task A_phrase_is_found_in_a_vector_without_pairs_by_its_positions()
    {
        (await IdsAsync(new SearchQuery("\"recognition rules\""))).ShouldBe([1UL]);
        using (var connection = _database!.Connect())
        {
            // As lede_search_vector leaves a vector too large for its pairs: the marker instead.
            connection.Execute("UPDATE article_search SET search = (SELECT search FROM article WHERE id = 1) || array_to_tsvector(ARRAY[' nopairs']) WHERE id = 1");
        }

        (await IdsAsync(new SearchQuery("\"recognition rules\""))).ShouldBe([1UL]);
        (await IdsAsync(new SearchQuery("\"facial recognition\""))).ShouldBe([1UL, 2UL]);
        (await IdsAsync(new SearchQuery("\"rules recognition\""))).ShouldBeEmpty();
        (await _store.CheckAsync(null, default)).ShouldHaveSingleItem().Kind.ShouldBe("search");
    }

    [Theory]
    [InlineData("")]
    [InlineData("the and of")]
    [InlineData("!!! --- \"\"")]
    public async Task A_query_without_a_searchable_word_is_an_argument_error(string text)
    {
        var e = await Should.ThrowAsync<ArgumentException>(() => _store.SearchAsync(new SearchQuery(text), default));

        e.Message.ShouldContain("search");
    }

    [Theory]
    [InlineData("facial & | ! :* <-> (")]
    [InlineData("facial') OR 1=1 --")]
    [InlineData("nul\0byte facial")]
    public async Task Query_syntax_and_odd_characters_in_user_text_are_inert(string text)
        => (await IdsAsync(new SearchQuery(text))).ShouldNotBeNull();
}

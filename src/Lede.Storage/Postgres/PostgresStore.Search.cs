using Lede.Normalize;
using Lede.Storage.Search;
using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

public sealed partial class PostgresStore
{
    // Around 35 words of the excerpt (else the title), the matches between SearchHit's marks.
    private static readonly string HeadlineOptions = $"StartSel={SearchHit.MarkStart}, StopSel={SearchHit.MarkEnd}, MaxWords=35, MinWords=15";

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The same reading as SQLite's first: a search of only exclusions, or of too many terms, is refused alike.
        _ = SearchTerms.Parse(query.Text);
        var text = T.Encode(query.Text ?? "");
        return InTransactionAsync<IReadOnlyList<SearchHit>>(async s =>
        {
            // websearch_to_tsquery takes what users type (words, "phrases", -excluded, or) and never fails on syntax.
            var (nodes, phrase) = (await s.QueryAsync<(int, bool)>(
                "SELECT numnode(q), q::text ~ '<(-|[0-9]+)>' FROM websearch_to_tsquery('english', @Text) AS q", new { Text = text }).ConfigureAwait(false))[0];
            if (nodes == 0)
            {
                throw new ArgumentException($"the query '{query.Text}' has no searchable word (stop words and punctuation are not searched)", nameof(query));
            }

            // A generic plan (what a statement prepared once gets after a few runs) cannot see how common the words are.
            await s.ExecuteAsync("SET LOCAL plan_cache_mode = force_custom_plan").ConfigureAwait(false);
            var limit = Math.Clamp(query.Limit, 1, 1000);
            var newest = (await s.QueryAsync<long?>("SELECT max(seq) FROM article").ConfigureAwait(false))[0] ?? 0;
            var candidates = Candidates(limit);
            List<long> ids = [];
            // A phrase's matches come off the GIN index and each is rechecked for word positions: in the newest rows
            // first, in more of them only when too few match there.
            foreach (var window in phrase ? PhraseWindows : [long.MaxValue])
            {
                var values = new
                {
                    Text = text,
                    Topic = T.Encode(query.Topic),
                    Since = PostgresTime.Write(query.Since),
                    query.PublishedOnly,
                    Candidates = candidates,
                    Floor = phrase ? newest - window + 1 : long.MinValue,
                };
                ids = await s.QueryAsync<long>(phrase ? AllMatchesSql : NewestMatchesSql, values).ConfigureAwait(false);
                if (ids.Count >= candidates || window >= newest)
                {
                    break;
                }
            }

            var rows = await s.QueryAsync<HitRow>(RankSql, new { Text = text, Ids = ids.ToArray(), Limit = limit, Options = HeadlineOptions })
                .ConfigureAwait(false);
            return rows.ConvertAll(r => r.ToHit());
        }, ct);
    }

    /// <summary>How many of the newest matches are ranked for a search that asks for <paramref name="limit"/> hits.</summary>
    /// <value>Default: 10 per hit asked for, at least 200, at most 5,000.</value>
    /// <remarks>
    /// A common word matches most of a million articles; ranking them all reads every one. So a search ranks the best of
    /// its newest matches (what a news search wants anyway). With the words known to the planner (a custom plan), a
    /// common word's newest matches come off the publication-time index, walked newest first until enough match, and a
    /// rare word's off the GIN index and a small sort. A phrase always goes through the GIN index: the planner guesses
    /// it as common as its words together, and the walk would look through the whole table for a phrase that is rare.
    /// </remarks>
    private static int Candidates(int limit) => Math.Clamp(limit * 10, 200, 5_000);

    /// <value>
    /// Default: a phrase is looked for in the newest 25,000 stored articles, then, when fewer match there than are
    /// ranked, in the newest 250,000 (as on SQLite): each article the GIN index gives is rechecked for the words'
    /// positions, which for a rare phrase of common words was every article holding both, down to the oldest. (Other
    /// queries are left unbounded: a stored-order range narrowed their plans' bitmaps at a cost above what it saved.)
    /// </value>
    private static readonly long[] PhraseWindows = [25_000, 250_000];

    // The topic test looks up each candidate's own topics (LIMIT 1 keeps the planner from hashing every article of the
    // topic instead).
    private const string Filters = """
              AND a.seq >= @Floor
              AND (@Since::timestamptz IS NULL OR a.published_at >= @Since::timestamptz)
              AND (NOT @PublishedOnly OR a.published)
              AND (@Topic::text IS NULL OR (
                    SELECT true FROM article_topic at
                    WHERE at.article_id = a.id
                      AND at.topic_id = ANY (ARRAY(SELECT t.id FROM topic t WHERE lower(t.name) = lower(@Topic::text)))
                    LIMIT 1))
        """;

    private const string NewestMatchesSql = $"""
        SELECT a.id FROM article a
        WHERE a.search @@ websearch_to_tsquery('english', @Text)
        {Filters}
        ORDER BY a.published_at DESC, a.seq DESC
        LIMIT @Candidates
        """;

    // Materialized: planned without the LIMIT, the matches come off the GIN index, never from walking the whole
    // publication-time index in search of a phrase that matches little.
    private const string AllMatchesSql = $"""
        WITH matches AS MATERIALIZED (
            SELECT a.id, a.published_at, a.seq FROM article a
            WHERE a.search @@ websearch_to_tsquery('english', @Text)
            {Filters})
        SELECT id FROM matches ORDER BY published_at DESC, seq DESC LIMIT @Candidates
        """;

    // Rank the candidates, then build headlines (the costly part) for the few hits kept.
    private const string RankSql = """
        WITH hits AS (
            SELECT a.id, a.title, a.excerpt, a.web_url, a.provider_name, a.published_at, a.published,
                   ts_rank_cd(a.search, websearch_to_tsquery('english', @Text))::float8 AS rank
            FROM article a
            WHERE a.id = ANY(@Ids)
            ORDER BY rank DESC, a.published_at DESC, a.id
            LIMIT @Limit),
        q AS (SELECT websearch_to_tsquery('english', @Text) AS q)
        SELECT h.id, h.title, h.web_url, h.provider_name, h.published_at, h.published, h.rank,
               CASE WHEN to_tsvector('english', left(h.excerpt, 100000)) @@ q.q
                    THEN ts_headline('english', left(h.excerpt, 100000), q.q, @Options)
                    ELSE ts_headline('english', h.title, q.q, @Options) END AS snippet
        FROM hits h, q
        ORDER BY h.rank DESC, h.published_at DESC, h.id
        """;

    /// <summary>A row of the search; text still escaped.</summary>
    private sealed class HitRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string WebUrl { get; init; } = "";
        public string ProviderName { get; init; } = "";
        public DateTime PublishedAt { get; init; }
        public bool Published { get; init; }
        public double Rank { get; init; }
        public string Snippet { get; init; } = "";

        public SearchHit ToHit() => new(
            ArticleId.FromInt64(Id), T.Decode(Title), T.Decode(WebUrl), T.Decode(ProviderName),
            PostgresTime.Read(PublishedAt), Published, Rank, T.Decode(Snippet));
    }
}

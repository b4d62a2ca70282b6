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
            var nodes = await s.ScalarAsync<int>("SELECT numnode(websearch_to_tsquery('english', @Text))", new { Text = text }).ConfigureAwait(false);
            if (nodes == 0)
            {
                throw new ArgumentException($"the query '{query.Text}' has no searchable word (stop words and punctuation are not searched)", nameof(query));
            }

            var rows = await s.QueryAsync<HitRow>(SearchSql, new
            {
                Text = text,
                Topic = T.Encode(query.Topic),
                Since = PostgresTime.Write(query.Since),
                query.PublishedOnly,
                Limit = Math.Clamp(query.Limit, 1, 1000),
                Options = HeadlineOptions,
            }).ConfigureAwait(false);
            return rows.ConvertAll(r => r.ToHit());
        }, ct);
    }

    // Rank and filter first, then build headlines (the costly part) for the few hits kept.
    private const string SearchSql = """
        WITH q AS (SELECT websearch_to_tsquery('english', @Text) AS q),
        hits AS (
            SELECT a.id, a.title, a.excerpt, a.web_url, a.provider_name, a.published_at, a.published,
                   ts_rank_cd(a.search, q.q)::float8 AS rank
            FROM article a, q
            WHERE a.search @@ q.q
              AND (@Since::timestamptz IS NULL OR a.published_at >= @Since::timestamptz)
              AND (NOT @PublishedOnly OR a.published)
              AND (@Topic::text IS NULL OR a.id IN (
                    SELECT at.article_id FROM article_topic at
                    WHERE at.topic_id IN (SELECT t.id FROM topic t WHERE lower(t.name) = lower(@Topic::text))))
            ORDER BY rank DESC, a.published_at DESC, a.id
            LIMIT @Limit)
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

using Lede.Normalize;
using Lede.Storage.Search;
using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

public sealed partial class PostgresStore
{
    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The same reading as SQLite's first: a search of only exclusions, or of too many terms, is refused alike.
        _ = SearchTerms.Parse(query.Text);
        var text = T.Encode(query.Text ?? "");
        return InTransactionAsync<IReadOnlyList<SearchHit>>(async s =>
        {
            // One round trip: the query's shape, the newest row, and the session settings of this transaction. A generic
            // plan (what a statement prepared once gets after a few runs) cannot see how common the words are; JIT
            // compiling a plan costs more than any of these queries, and so does starting parallel workers for one.
            // websearch_to_tsquery takes what users type (words, "phrases", -excluded, or) and never fails on syntax.
            // The walk looks for the query ANDed with the topic's words in the topics field (TopicWordsSql), so the index
            // finds the topic's articles and the exact topic test runs on those only; a tsquery's text form is exact.
            var (nodes, compound, newest, tsquery, match) = (await s.QueryAsync<(int, bool, long?, string, string)>(
                $"""
                SELECT numnode(q), numnode(q) > 1, (SELECT max(seq) FROM article), q::text, COALESCE(q && {TopicWordsSql}, q)::text
                FROM websearch_to_tsquery('english', @Text) AS q,
                     set_config('plan_cache_mode', 'force_custom_plan', true) AS p, set_config('jit', 'off', true) AS j,
                     set_config('max_parallel_workers_per_gather', '0', true) AS w
                """, new { Text = text, Topic = T.Encode(query.Topic) }).ConfigureAwait(false))[0];
            if (nodes == 0)
            {
                throw new ArgumentException($"the query '{query.Text}' has no searchable word (stop words and punctuation are not searched)", nameof(query));
            }

            var limit = Math.Clamp(query.Limit, 1, 1000);
            var candidates = Candidates(limit);
            var found = new List<CandidateRow>(candidates);
            var top = (newest ?? 0) + 1;
            // A compound search (several words, a phrase, an exclusion, a filter) can match far fewer rows than its words
            // do: its walk stops at the newest CompoundRows rows, as on SQLite, so its hits are the best of those.
            // Stored-order numbers start at 1: no walk goes below 0.
            var filtered = query.Topic is not null || query.Since is not null || query.PublishedOnly;
            var floor = Math.Max(0, compound || filtered ? top - CompoundRows : 0);
            // Two-word phrases are looked up as the index's pair lexemes (migration 005), not checked by position; with
            // a position check as well only if some article's vector holds no pairs (one GIN lookup per partition).
            var paired = PostgresPhrasePairs.Rewrite(match, unpaired: false);
            if (!string.Equals(paired, match, StringComparison.Ordinal))
            {
                var unpaired = await s.QueryAsync<bool>(UnpairedSql, new { NoPairs = PostgresPhrasePairs.NoPairsQuery }).ConfigureAwait(false);
                match = unpaired[0] ? PostgresPhrasePairs.Rewrite(match, unpaired: true) : paired;
            }

            object Values(long bottom) => new
            {
                Match = match,
                Query = tsquery,
                Topic = T.Encode(query.Topic),
                Since = PostgresTime.Write(query.Since),
                query.PublishedOnly,
                Bottom = bottom,
                Top = top,
                Wanted = candidates - found.Count,
            };

            // The newest rows first, then slices further down the stored order, each sized from how often the rows
            // searched so far matched, and at least as long as all of them (so a rare word takes a few steps, not many).
            var start = top;
            var bottom = Math.Max(floor, top - ProbeRows);
            found.AddRange(await s.QueryAsync<CandidateRow>(NewestSql, Values(bottom)).ConfigureAwait(false));
            top = bottom;
            while (found.Count < candidates && top > floor)
            {
                var searched = start - top;
                var rows = found.Count == 0
                    ? GrowthWhenNone * searched
                    : Math.Max(searched, (long)Math.Ceiling(SliceMargin * (candidates - found.Count) * searched / found.Count));
                bottom = Math.Max(floor, top - rows);
                found.AddRange(await s.QueryAsync<CandidateRow>(SliceSql, Values(bottom)).ConfigureAwait(false));
                top = bottom;
            }

            // Ranked here, in PostgreSQL's order (rank, then the newest, then the id): each match's rank was computed where
            // the walk read its row, so only the hits' article rows are read (~5 KB each, a page apiece, mostly cold).
            var best = found.OrderByDescending(c => c.Rank).ThenByDescending(c => c.PublishedAt).ThenBy(c => c.Id).Take(limit).ToList();
            var articles = new Dictionary<long, HitRow>(best.Count);
            foreach (var row in await s.QueryAsync<HitRow>(HitsSql, new { Ids = best.ConvertAll(c => c.Id).ToArray() }).ConfigureAwait(false))
            {
                articles.TryAdd(row.Id, row);
            }

            // An article deleted since the walk read it is left out.
            var hits = best.Where(c => articles.ContainsKey(c.Id)).Select(c => articles[c.Id].WithRank(c.Rank)).ToList();
            return await SnippetsAsync(s, hits, PostgresQueryLexemes.Read(tsquery)).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>How many of the newest matches are ranked for a search that asks for <paramref name="limit"/> hits.</summary>
    /// <value>Default: 10 per hit asked for, at least 200, at most 5,000.</value>
    /// <remarks>
    /// A common word matches most of a million articles; ranking them all reads every one. So a search ranks the best of
    /// its newest stored matches (what a news search wants anyway; as on SQLite), found slice by slice down the stored
    /// order (<see cref="ProbeRows"/>).
    /// </remarks>
    private static int Candidates(int limit) => Math.Clamp(limit * 10, 200, 5_000);

    /// <value>
    /// Default: the newest 4,000 stored rows are searched first (their pages are the ones most likely in memory): enough
    /// for a common word. When too few match there, slices further down the stored order, each sized from how often the
    /// rows searched so far matched (<see cref="SliceMargin"/> times what should hold the rest), down to the floor:
    /// each a bitmap of the GIN index and the stored-order range, so only the rows matching there are read. A
    /// mid-frequency word no longer walks tens of thousands of rows for its newest 200 matches, nor reads all of them.
    /// </value>
    private const long ProbeRows = 4_000;

    /// <value>Default: a slice is sized for twice the matches still wanted.</value>
    private const double SliceMargin = 2.0;

    /// <value>Default: when nothing has matched yet, the next slice is eight times all the rows searched so far.</value>
    private const long GrowthWhenNone = 8;

    /// <value>
    /// Default: a compound search walks the newest 250,000 stored articles at most (as on SQLite): a rare phrase of
    /// common words, or a filter that keeps few of a common word's matches, would otherwise check rows down to the oldest.
    /// </value>
    private const long CompoundRows = 250_000;

    // The words are looked up in article_search (migration 004), partitioned by seq range: a slice reads the GIN index
    // of the partitions it spans only. It holds the filters' fields too: no article row is read before ranking. @Match
    // is the query with the topic's words (TopicWordsSql): the topic test looks up the topics of the rows the index
    // found with those words only (LIMIT 1 keeps the planner from hashing every article of the topic).
    private const string Matches = """
        SELECT s.seq, s.id, s.published_at, ts_rank_cd(s.search, @Query::tsquery)::float8 AS rank FROM article_search s
        WHERE s.search @@ @Match::tsquery AND s.seq >= @Bottom AND s.seq < @Top
          AND (@Since::timestamptz IS NULL OR s.published_at >= @Since::timestamptz)
          AND (NOT @PublishedOnly OR s.published)
          AND (@Topic::text IS NULL OR (
                SELECT true FROM article_topic at
                WHERE at.article_id = s.id
                  AND at.topic_id = ANY (ARRAY(SELECT t.id FROM topic t WHERE lower(t.name) = lower(@Topic::text)))
                LIMIT 1))
        """;

    private const string UnpairedSql = "SELECT EXISTS (SELECT 1 FROM article_search WHERE search @@ @NoPairs::tsquery)";

    // An article of a topic holds the lexemes of the topic's name at weight C (the vector's third part is the provider's
    // name and the topic names, article.search_topics): the index can find those. Each lexeme of the name, quoted as
    // tsquery text (a quote doubled, a backslash escaped), at weight C, all ANDed; NULL for a name of stop words
    // only, or no topic (nothing is added). It narrows, it does not decide: a lexeme at weight C may come from the provider's name or
    // another topic, so the exact test (Matches) follows. Limit: a topic named past the first 20,000 characters of
    // provider name and topic names (where the vector's third part is cut) is not found by the topic filter.
    private const string TopicWordsSql = """
        (SELECT string_agg('''' || replace(replace(v.lexeme, '\', '\\'), '''', '''''') || ''':C', ' & ')
                  FROM unnest(to_tsvector('english', @Topic::text)) AS v)::tsquery
        """;

    // The newest rows, walked newest first down the stored order until enough match.
    private const string NewestSql = $"""
        {Matches}
        ORDER BY s.seq DESC
        LIMIT @Wanted
        """;

    // Materialized: planned without the LIMIT, a slice's matches come off a bitmap of the GIN index (and of the stored
    // order), never from walking the slice row by row in search of matches that may be few.
    private const string SliceSql = $"""
        WITH matches AS MATERIALIZED ({Matches})
        SELECT * FROM matches ORDER BY seq DESC LIMIT @Wanted
        """;

    // The hits' article rows; the snippets are made from their text (SnippetsAsync).
    private const string HitsSql = """
        SELECT a.id, a.title, left(a.excerpt, 100000) AS excerpt, a.web_url, a.provider_name, a.published_at, a.published
        FROM article a
        WHERE a.id = ANY(@Ids)
        """;

    /// <summary>A match the walk found, with its rank (ts_rank_cd of the query over its search vector, as stored).</summary>
    private sealed class CandidateRow
    {
        public long Id { get; init; }
        public DateTime PublishedAt { get; init; }
        public double Rank { get; init; }
    }

    /// <summary>A row of the search; text still escaped.</summary>
    private sealed class HitRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string WebUrl { get; init; } = "";
        public string ProviderName { get; init; } = "";
        public DateTime PublishedAt { get; init; }
        public bool Published { get; init; }
        public double Rank { get; private init; }
        public string Excerpt { get; init; } = "";

        public HitRow WithRank(double rank) => new()
        {
            Id = Id,
            Title = Title,
            WebUrl = WebUrl,
            ProviderName = ProviderName,
            PublishedAt = PublishedAt,
            Published = Published,
            Rank = rank,
            Excerpt = Excerpt,
        };

        public SearchHit ToHit(string snippet) => new(
            ArticleId.FromInt64(Id), T.Decode(Title), T.Decode(WebUrl), T.Decode(ProviderName),
            PostgresTime.Read(PublishedAt), Published, Rank, snippet);
    }
}

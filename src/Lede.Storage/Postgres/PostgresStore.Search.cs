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
        var limit = Math.Clamp(query.Limit, 1, 1000);
        return OnConnectionAsync<IReadOnlyList<SearchHit>>(async s =>
        {
            // One statement: lede_search (migration 007) walks, ranks and reads the hits on the server; its first row
            // describes the query. No transaction: a single statement sees one snapshot, and there is no commit to wait for.
            var values = new
            {
                Text = text,
                Topic = T.Encode(query.Topic),
                Since = PostgresTime.Write(query.Since),
                query.PublishedOnly,
                Limit = limit,
                Candidates = Candidates(limit),
                ProbeRows,
                SliceMargin,
                GrowthWhenNone,
                CompoundRows,
                Match = (string?)null,
            };
            var rows = await s.QueryAsync<SearchRow>(SearchSql, values).ConfigureAwait(false);
            var shape = rows[0];
            if (shape.Nodes == 0)
            {
                throw new ArgumentException($"the query '{query.Text}' has no searchable word (stop words and punctuation are not searched)", nameof(query));
            }

            // A phrase: its two-word phrases are looked up as the index's pair lexemes (migration 005), not checked by
            // position; with a position check as well only if some article's vector holds no pairs. The function said
            // which, and walks again with the rewritten match.
            if (shape.Unpaired is { } unpaired)
            {
                rows = await s.QueryAsync<SearchRow>(SearchSql, values with { Match = PostgresPhrasePairs.Rewrite(shape.SearchMatch!, unpaired) }).ConfigureAwait(false);
            }

            return await SnippetsAsync(s, rows.Skip(1).ToList(), PostgresQueryLexemes.Read(shape.SearchQuery)).ConfigureAwait(false);
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

    /// <value>
    /// Default: when nothing has matched yet, the next slice is eight times all the rows searched so far, and no slice is
    /// ever longer than that: a rate guessed from a match or two can be far too low (a rare word with 1 match in the newest
    /// 4,000 rows, ~5 on average, sized its next slice at 796,000 rows and ranked 1,341 matches for the 199 it wanted:
    /// ~10 ms of server CPU at 1M, the slowest single word; ~5 ms with the cap). Slice sizes never change the hits.
    /// </value>
    private const long GrowthWhenNone = 8;

    /// <value>
    /// Default: a compound search walks the newest 250,000 stored articles at most (as on SQLite): a rare phrase of
    /// common words, or a filter that keeps few of a common word's matches, would otherwise check rows down to the oldest.
    /// </value>
    private const long CompoundRows = 250_000;

    // Arguments in the function's order; the walk's tunables are the constants above. Dapper sends a null text as text.
    private const string SearchSql = """
        SELECT * FROM lede_search(@Text, @Topic::text, @Since::timestamptz, @PublishedOnly, @Limit, @Candidates, @ProbeRows,
                                  @SliceMargin, @GrowthWhenNone, @CompoundRows, @Match::text)
        """;

    /// <summary>A row of lede_search: the first describes the query, the others are hits (text still escaped).</summary>
    private sealed class SearchRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string WebUrl { get; init; } = "";
        public string ProviderName { get; init; } = "";
        public DateTime PublishedAt { get; init; }
        public bool Published { get; init; }
        public double Rank { get; init; }
        public string Excerpt { get; init; } = "";

        /// <summary>The first row: how many nodes the query has (0: nothing searchable).</summary>
        public int? Nodes { get; init; }

        /// <summary>The first row: the query as a tsquery's text, what the snippets mark.</summary>
        public string? SearchQuery { get; init; }

        /// <summary>The first row: what the index is asked for (the query and the topic's words), as a tsquery's text.</summary>
        public string? SearchMatch { get; init; }

        /// <summary>The first row of a query with a phrase, before its pairs: whether some vector holds no pairs.</summary>
        public bool? Unpaired { get; init; }

        public SearchHit ToHit(string snippet) => new(
            ArticleId.FromInt64(Id), T.Decode(Title), T.Decode(WebUrl), T.Decode(ProviderName),
            PostgresTime.Read(PublishedAt), Published, Rank, snippet);
    }
}

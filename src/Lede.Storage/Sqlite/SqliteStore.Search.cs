using System.Globalization;
using Dapper;
using Lede.Normalize;
using Lede.Storage.Search;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <value>Default: 32 tokens of context around the best match.</value>
    private const int SnippetTokens = 32;

    /// <value>
    /// Default: bm25 ranks the newest 10 matches per hit asked for, at least 200 (as on PostgreSQL). Ranking every match of
    /// a common word would take seconds at a million articles; past this many, the newest matches are the ones ranked.
    /// </value>
    private static int RankedMatches(int limit) => Math.Max(200, 10 * limit);

    /// <value>Default: a term's document frequency is estimated from its newest 200 matches when it has more.</value>
    private const int FrequencySample = 200;

    /// <summary>FTS5's bm25 with the weights of migration 005; used when <see cref="Fts5Rank"/> cannot be registered.</summary>
    private const string BuiltInRank = "bm25(10.0, 3.0, 2.0, 2.0, 0.0)";

    // The FTS table drives the loop and hands rows over in rank order (ORDER BY rank is consumed by FTS5), so the join
    // to article runs for the rows returned and the snippets are made for them only: LIMIT stops the walk.
    private static readonly string SearchSql = $"""
        SELECT a.id, -f.rank AS rank, a.title, a.web_url, a.provider_name, a.published_at, a.published,
               snippet(article_search, 1, char(2), char(3), '…', {SnippetTokens}) AS excerpt_snippet,
               highlight(article_search, 0, char(2), char(3)) AS title_snippet
        FROM article_search f JOIN article a ON a.seq = f.rowid
        WHERE article_search MATCH CAST(@Match AS TEXT) AND f.rank MATCH CAST(@Rank AS TEXT) AND f.rowid >= @From
          AND (@Since IS NULL OR a.published_at >= @Since)
        ORDER BY f.rank
        LIMIT @Limit
        """;

    // The newest matches of one term, counted: all of them when it is rare, else how far back its newest sample reaches.
    private const string FrequencySql = """
        SELECT COUNT(*), MIN(rowid) FROM (SELECT rowid FROM article_search WHERE article_search MATCH CAST(@Match AS TEXT)
        AND rowid >= @Floor ORDER BY rowid DESC LIMIT @Sample)
        """;

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ct.ThrowIfCancellationRequested();
        var terms = SearchTerms.Parse(query.Text);
        using var connection = Connect();
        using var tx = connection.BeginTransaction(deferred: true);
        IReadOnlyList<long>? topics = null;
        if (query.Topic is { } topic)
        {
            topics = TopicIds(connection, tx, topic);
            if (topics.Count == 0)
            {
                return Task.FromResult<IReadOnlyList<SearchHit>>([]);
            }
        }

        var since = query.Since is { } at ? (at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at) : (DateTime?)null;
        var newest = connection.ExecuteScalar<long?>("SELECT MAX(seq) FROM article", transaction: tx) ?? 0;
        var bound = since is { } from ? BoundSince(connection, tx, from) : SinceBound.Everything;
        if (bound.None)
        {
            return Task.FromResult<IReadOnlyList<SearchHit>>([]);
        }

        since = bound.All ? null : since;
        // A compound query (several terms, a phrase, an exclusion, a filter) can match far fewer rows than its words do:
        // its walk stops at the newest WalkedRows rows, so its hits are the best of those.
        var floor = IsCompound(terms, query.Topic is not null || since is not null || query.PublishedOnly) ? newest - WalkedRows + 1 : long.MinValue;
        floor = Math.Max(floor, bound.Floor);
        var match = Fts5Query.Build(terms, topics, query.PublishedOnly);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        var sinceText = since is { } s ? StoredTime.Format(s) : null;
        var parameters = new
        {
            Match = match,
            Rank = Fts5Rank.TryRegister(connection) ? RankFunction(connection, tx, terms, newest, floor) : BuiltInRank,
            From = RankedFrom(connection, tx, match, floor, RankedMatches(limit), sinceText, bound),
            Since = sinceText,
            Limit = limit,
        };
        var hits = connection.Query<SearchRow>(SearchSql, parameters, tx).Select(row => row.ToHit()).ToList();
        return Task.FromResult<IReadOnlyList<SearchHit>>(hits);
    }

    /// <summary>The lede_bm25 call for these terms: the required terms' IDFs, in the order the MATCH text names them.</summary>
    /// <remarks>
    /// One required term needs none: its IDF scales every score alike. With more, each term's document frequency comes
    /// from its newest matches (exact for a rare term; for a common one, how many of the newest rows hold it), which is
    /// cheap and close enough to weigh a rare word above a common one.
    /// </remarks>
    private static string RankFunction(SqliteConnection connection, SqliteTransaction tx, SearchTerms terms, long newest, long floor)
    {
        if (terms.Required.Count < 2)
        {
            return Fts5Rank.Name + "()";
        }

        // Counted within the walked rows: a rare term's count is then exact there, and no count walks further back.
        var first = Math.Max(1, floor);
        var rows = Math.Max(1.0, newest - first + 1);
        var idfs = terms.Required.Select(term =>
        {
            var (count, oldest) = connection.QuerySingle<(long, long?)>(
                FrequencySql, new { Match = Fts5Query.Build(new SearchTerms([term], []), null, false), Floor = first, Sample = FrequencySample }, tx);
            var frequency = count < FrequencySample || oldest is null
                ? count
                : Math.Min(rows, (double)count * rows / Math.Max(1, newest - oldest.Value + 1));
            // FTS5's bm25 formula, floor included: a word in more than half the rows weighs next to nothing.
            var idf = Math.Log((rows - frequency + 0.5) / (frequency + 0.5));
            return idf > 0 ? idf : 1e-6;
        });
        // Plain decimals: FTS5's parser of rank functions takes no exponents.
        return $"{Fts5Rank.Name}({string.Join(", ", idfs.Select(idf => idf.ToString("F9", CultureInfo.InvariantCulture)))})";
    }

    /// <value>
    /// Default: a compound query walks the newest 250,000 rows at most. A rare phrase of common words would otherwise check
    /// positions in every row holding both, down to the oldest (~30 ms at a million articles).
    /// </value>
    internal const long WalkedRows = 250_000;

    /// <summary>Whether the query can match far fewer rows than its rarest word: several terms, a phrase, an exclusion or a filter.</summary>
    private static bool IsCompound(SearchTerms terms, bool filtered)
        => terms.Required.Count > 1 || terms.Required[0].Count > 1 || terms.Excluded.Count > 0 || filtered;

    /// <summary>Adds an article's search index row from the article and its topics; once its topics are in.</summary>
    /// <remarks>The index reads its text from <c>article_search_row</c> (migration 006): what it holds must be what the view shows.</remarks>
    internal const string IndexSql = """
        INSERT INTO article_search (rowid, title, excerpt, provider, topics, facets)
        SELECT seq, title, excerpt, provider, topics, facets FROM article_search_row WHERE id = $Id
        """;

    /// <summary>Takes an article's row out of the search index; before its row or topics change.</summary>
    internal const string UnindexSql = """
        INSERT INTO article_search (article_search, rowid, title, excerpt, provider, topics, facets)
        SELECT 'delete', seq, title, excerpt, provider, topics, facets FROM article_search_row WHERE id = $Id
        """;

    // Topic names are few: matching them here gives full Unicode case-insensitivity, which SQLite's NOCASE lacks.
    private static List<long> TopicIds(SqliteConnection connection, SqliteTransaction tx, string topic)
    {
        var wanted = topic.Trim();
        return connection.Query<(long Id, string Name)>("SELECT id, name FROM topic", transaction: tx)
            .Where(t => string.Equals(t.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Id)
            .ToList();
    }

    /// <summary>A row of the search query, as Dapper fills it.</summary>
    private sealed class SearchRow
    {
        public long Id { get; init; }
        public double Rank { get; init; }
        public string Title { get; init; } = "";
        public string WebUrl { get; init; } = "";
        public string ProviderName { get; init; } = "";
        public string PublishedAt { get; init; } = "";
        public bool Published { get; init; }
        public string? ExcerptSnippet { get; init; }
        public string? TitleSnippet { get; init; }

        public SearchHit ToHit()
        {
            // The excerpt's snippet when a match is in it, else the title's; a match only in the provider or topics
            // still shows the excerpt.
            var excerpt = ExcerptSnippet ?? "";
            var title = TitleSnippet ?? Title;
            var snippet = excerpt.Contains(SearchHit.MarkStart, StringComparison.Ordinal) || !title.Contains(SearchHit.MarkStart, StringComparison.Ordinal)
                ? (excerpt.Length > 0 ? excerpt : title)
                : title;
            return new SearchHit(ArticleId.FromInt64(Id), Title, WebUrl, ProviderName, StoredTime.Parse(PublishedAt), Published, Rank, snippet);
        }
    }
}

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
    /// Default: bm25 ranks at most the newest 2,000 matches. FTS5 scores every match before it can sort, so a query
    /// matching a third of a million articles would take seconds; past this many, the newest matches are the ones ranked.
    /// </value>
    private const int RankedMatches = 2000;

    // The FTS table drives the loop and hands rows over in bm25 order (ORDER BY rank is consumed by FTS5), so the join
    // to article runs for the rows returned and the snippets are made for them only: LIMIT stops the walk.
    private static readonly string SearchSql = $"""
        SELECT a.id, -f.rank AS rank, a.title, a.web_url, a.provider_name, a.published_at, a.published,
               snippet(article_search, 1, char(2), char(3), '…', {SnippetTokens}) AS excerpt_snippet,
               highlight(article_search, 0, char(2), char(3)) AS title_snippet
        FROM article_search f JOIN article a ON a.seq = f.rowid
        WHERE article_search MATCH CAST(@Match AS TEXT) AND f.rowid >= @From AND (@Since IS NULL OR a.published_at >= @Since)
        ORDER BY f.rank
        LIMIT @Limit
        """;

    // Walks the matches newest first without scoring them: cheap, and it finds where the newest RankedMatches begin.
    private static readonly string RankedFromSql = $"""
        SELECT rowid FROM article_search WHERE article_search MATCH CAST(@Match AS TEXT)
        ORDER BY rowid DESC LIMIT 1 OFFSET {RankedMatches - 1}
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
        IReadOnlyList<string>? dates = null;
        if (since is { } from)
        {
            // Two subqueries: each is one step down the published_at index, where MIN and MAX together would scan.
            var (first, last) = connection.QuerySingle<(string?, string?)>("SELECT (SELECT MIN(published_at) FROM article), (SELECT MAX(published_at) FROM article)", transaction: tx);
            if (last is null || string.CompareOrdinal(last, StoredTime.Format(from)) < 0)
            {
                return Task.FromResult<IReadOnlyList<SearchHit>>([]);
            }

            dates = DateFacets(from, first!, last);
        }

        var match = Fts5Query.Build(terms, topics, query.PublishedOnly, dates);
        var parameters = new
        {
            Match = match,
            From = connection.ExecuteScalar<long?>(RankedFromSql, new { Match = match }, tx) ?? long.MinValue,
            Since = since is { } s ? StoredTime.Format(s) : null,
            Limit = Math.Clamp(query.Limit, 1, 1000),
        };
        var hits = connection.Query<SearchRow>(SearchSql, parameters, tx).Select(row => row.ToHit()).ToList();
        return Task.FromResult<IReadOnlyList<SearchHit>>(hits);
    }

    /// <summary>The date facets for a since filter that keeps a small part of the stored time span; null when the filter keeps most of it.</summary>
    /// <remarks>A broad filter is cheaper checked on the rows the ranked walk returns: most pass, and the walk stops at the limit.</remarks>
    private static IReadOnlyList<string>? DateFacets(DateTime since, string first, string last)
    {
        var start = StoredTime.Parse(first);
        var end = StoredTime.Parse(last);
        var kept = (end - since).TotalSeconds / Math.Max(1, (end - start).TotalSeconds);
        return kept > NarrowSince ? null : Fts5Query.Dates(since, end.Year);
    }

    /// <value>Default: a since filter keeping at most a quarter of the stored time span is matched in the index.</value>
    private const double NarrowSince = 0.25;

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

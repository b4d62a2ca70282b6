using Dapper;
using Lede.Normalize;
using Lede.Storage.Search;
using Lede.Store;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <value>Default: 32 tokens of context around the best match.</value>
    private const int SnippetTokens = 32;

    // The FTS table drives the loop and hands rows over in bm25 order (ORDER BY rank is consumed by FTS5), so the join
    // to article runs for the rows returned and the snippets are made for them only: LIMIT stops the walk.
    private static readonly string SearchSql = $"""
        SELECT f.rowid AS id, -f.rank AS rank, a.title, a.web_url, a.provider_name, a.published_at, a.published,
               snippet(article_search, 1, char(2), char(3), '…', {SnippetTokens}) AS excerpt_snippet,
               highlight(article_search, 0, char(2), char(3)) AS title_snippet
        FROM article_search f JOIN article a ON a.id = f.rowid
        WHERE article_search MATCH CAST(@Match AS TEXT) AND (@Since IS NULL OR a.published_at >= @Since)
        ORDER BY f.rank
        LIMIT @Limit
        """;

    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ct.ThrowIfCancellationRequested();
        var terms = SearchTerms.Parse(query.Text);
        using var connection = Connect();
        IReadOnlyList<long>? topics = null;
        if (query.Topic is { } topic)
        {
            // Topic names are few: matching them here gives full Unicode case-insensitivity, which SQLite's NOCASE lacks.
            var wanted = topic.Trim();
            topics = connection.Query<(long Id, string Name)>("SELECT id, name FROM topic")
                .Where(t => string.Equals(t.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
                .Select(t => t.Id)
                .ToList();
            if (topics.Count == 0)
            {
                return Task.FromResult<IReadOnlyList<SearchHit>>([]);
            }
        }

        var parameters = new
        {
            Match = Fts5Query.Build(terms, topics, query.PublishedOnly),
            Since = query.Since is { } since ? StoredTime.Format(since.Kind == DateTimeKind.Local ? since.ToUniversalTime() : since) : null,
            Limit = Math.Clamp(query.Limit, 1, 1000),
        };
        var hits = connection.Query<SearchRow>(SearchSql, parameters).Select(row => row.ToHit()).ToList();
        return Task.FromResult<IReadOnlyList<SearchHit>>(hits);
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

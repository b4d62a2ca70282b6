using Lede.Store;
using T = Lede.Storage.Postgres.PostgresText;

namespace Lede.Storage.Postgres;

public sealed partial class PostgresStore
{
    // The words of the hits' excerpts and titles that could stem to a query lexeme are stemmed by PostgreSQL in one
    // statement; the snippets are then made here (PostgresSnippet): the excerpt's when a word is marked in it (as on
    // SQLite), else the title's, else the title's first words (a match in the provider or topics only).
    private const string MatchingWordsSql = """
        SELECT w FROM unnest(@Words::text[]) AS w
        WHERE tsvector_to_array(to_tsvector('english', w)) && @Lexemes::text[]
        """;

    private static async Task<IReadOnlyList<SearchHit>> SnippetsAsync(PostgresSession s, List<SearchRow> rows, HashSet<string> lexemes)
    {
        var texts = rows.ConvertAll(r => (Title: T.Decode(r.Title), Excerpt: T.Decode(r.Excerpt)));
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        if (lexemes.Count > 0)
        {
            foreach (var (title, excerpt) in texts)
            {
                PostgresSnippet.AddCandidates(excerpt, lexemes, candidates);
                PostgresSnippet.AddCandidates(title, lexemes, candidates);
            }
        }

        var matches = candidates.Count == 0
            ? []
            : (await s.QueryAsync<string>(MatchingWordsSql, new { Words = candidates.ToArray(), Lexemes = lexemes.ToArray() }).ConfigureAwait(false))
                .ToHashSet(StringComparer.Ordinal);
        var hits = new List<SearchHit>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (title, excerpt) = texts[i];
            var snippet = PostgresSnippet.Build(excerpt, matches) ?? PostgresSnippet.Build(title, matches) ?? PostgresSnippet.Head(title);
            hits.Add(rows[i].ToHit(snippet));
        }

        return hits;
    }
}

using Dapper;
using Lede.Storage.Postgres;

namespace Lede.Storage.Tests;

/// <summary>Two-word phrases looked up as the search index's pair lexemes (migration 005): the same rows as by position.</summary>
public sealed class PostgresPhrasePairsTests
{
    private const string Pair = "' nopairs'";

    [Theory]
    [InlineData("'elect' <-> 'gumon'", $"( ' elect gumon' | {Pair} & 'elect' <-> 'gumon' )")]
    [InlineData("'b' & !( 'd' <-> 'e' ) & 'x'", $"'b' & ! ( ( ' d e' | {Pair} & 'd' <-> 'e' ) ) & 'x'")]
    [InlineData("'a' <-> 'b' | 'c'", $"( ' a b' | {Pair} & 'a' <-> 'b' ) | 'c'")]
    [InlineData("'it''s' <-> 'back\\\\slash'", $"( ' it''s back\\\\slash' | {Pair} & 'it''s' <-> 'back\\\\slash' )")]
    public void Two_word_phrases_that_are_operands_of_and_or_or_not_are_rewritten(string query, string expected)
        => PostgresPhrasePairs.Rewrite(query, unpaired: true).ShouldBe(expected);

    [Fact]
    public void Without_unpaired_vectors_a_phrase_is_its_pair_alone()
        => PostgresPhrasePairs.Rewrite("'b' & !( 'd' <-> 'e' ) & 'f' <-> 'g'", unpaired: false).ShouldBe("'b' & ! ( ' d e' ) & ' f g'");

    [Theory]
    [InlineData("'a' <-> 'b' <-> 'c'")]
    [InlineData("'f-g' <-> 'f' <-> 'g' & 'x'")]
    [InlineData("'a' <2> 'b'")]
    [InlineData("'a':* <-> 'b'")]
    [InlineData("'a':AB <-> 'b'")]
    [InlineData("!'a' <-> 'b'")]
    [InlineData("( 'a' <-> 'b' ) <-> 'c'")]
    [InlineData("'c' <-> ( 'a' <-> 'b' & 'd' )")]
    [InlineData("'unclosed <-> 'b'")]
    [InlineData("'a' <-> 'b' ??")]
    [InlineData("")]
    public void Anything_else_is_left_as_it_is(string query)
        => PostgresPhrasePairs.Rewrite(query, unpaired: true).Replace(" ", "", StringComparison.Ordinal).ShouldBe(query.Replace(" ", "", StringComparison.Ordinal));

    [Fact]
    public void A_pair_longer_than_the_index_makes_is_not_looked_for()
    {
        var query = $"'{new string('a', 1000)}' <-> '{new string('b', 999)}'";

        PostgresPhrasePairs.Rewrite(query, unpaired: true).ShouldBe(query);
    }

    [Fact]
    public void The_rewritten_query_matches_what_the_query_matches_by_position_with_pairs_or_without()
    {
        using var database = PostgresDatabase.Create();
        using var connection = database.Connect();
        PostgresMigrator.Migrate(connection);
        string[] documents =
        [
            "Election results in the election of the mayor", "The mayor's election", "Results, election: mayor",
            "Drones fly over the city park at night", "Park the drones", "City drones, park rules and night flights",
            "It's a back-to-back win for the well-known team", "Win back the team", "",
        ];
        string[] queries =
        [
            "\"election mayor\"", "\"the election\"", "\"election of the mayor\"", "\"drones fly\" park", "\"city park\" -\"park the\"",
            "\"park drones\" or \"drones park\"", "\"back-to-back win\"", "\"win back\"", "\"well-known team\"", "night -\"night flights\"",
            "\"mayor election\" -results", "\"fly over\" or mayor",
        ];
        var texts = queries.Select(q => connection.ExecuteScalar<string>("SELECT websearch_to_tsquery('english', @Q)::text", new { Q = q })!).ToList();
        var rewritten = texts.ConvertAll(t => PostgresPhrasePairs.Rewrite(t, unpaired: true)).ToArray();
        var paired = texts.ConvertAll(t => PostgresPhrasePairs.Rewrite(t, unpaired: false)).ToArray();

        var differences = connection.Query<string>("""
            SELECT q.text || ' on ' || t.text
            FROM unnest(@Texts::text[]) AS t(text),
                 unnest(@Queries::text[], @Rewritten::text[], @Paired::text[]) AS q(text, rewritten, paired),
                 LATERAL (SELECT to_tsvector('english', t.text) AS v) AS x
            WHERE (x.v @@ websearch_to_tsquery('english', q.text)) <> (lede_search_vector(x.v) @@ q.rewritten::tsquery)
               OR (x.v @@ websearch_to_tsquery('english', q.text)) <> ((x.v || array_to_tsvector(ARRAY[' nopairs'])) @@ q.rewritten::tsquery)
               OR (x.v @@ websearch_to_tsquery('english', q.text)) <> (lede_search_vector(x.v) @@ q.paired::tsquery)
            """, new { Texts = documents, Queries = queries, Rewritten = rewritten, Paired = paired }).ToList();

        differences.ShouldBeEmpty();
        rewritten.Count(r => r.Contains("' nopairs'", StringComparison.Ordinal)).ShouldBeGreaterThan(5);
        var matching = connection.ExecuteScalar<int>("""
            SELECT count(*) FROM unnest(@Texts::text[]) AS t(text), unnest(@Queries::text[]) AS q(text)
            WHERE to_tsvector('english', t.text) @@ websearch_to_tsquery('english', q.text)
            """, new { Texts = documents, Queries = queries });
        matching.ShouldBeInRange(10, (documents.Length * queries.Length) - 10, "the grid holds phrases that match and phrases that do not");
    }
}

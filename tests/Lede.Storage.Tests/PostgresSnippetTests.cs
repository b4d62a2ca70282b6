using Lede.Storage.Postgres;
using Lede.Store;

namespace Lede.Storage.Tests;

/// <summary>Snippets made in .NET from the words PostgreSQL says match, and the query lexemes they are asked about.</summary>
public sealed class PostgresSnippetTests
{
    private const char S = SearchHit.MarkStart;
    private const char E = SearchHit.MarkEnd;

    [Theory]
    [InlineData("'facial' & 'recognit'", "facial recognit")]
    [InlineData("'facial' & !'weather'", "facial")]
    [InlineData("'facial' <-> 'recognit' & !( 'law' <-> 'draft' )", "facial recognit")]
    [InlineData("!!'twice'", "twice")]
    [InlineData("'it''s' & 'back\\\\slash'", "it's back\\slash")]
    [InlineData("'unclosed", "unclosed")]
    [InlineData(")) !'a' ( 'b'", "b")]
    [InlineData("", "")]
    public void Query_lexemes_are_the_quoted_ones_not_negated(string query, string expected)
        => string.Join(' ', PostgresQueryLexemes.Read(query).Order(StringComparer.Ordinal)).ShouldBe(string.Join(' ', expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)));

    [Theory]
    [InlineData("happy", "happi")]
    [InlineData("probability", "probabl")]
    [InlineData("regulations", "regul")]
    [InlineData("dying", "die")]
    [InlineData("hoping", "hope")]
    public void Words_that_stem_to_a_lexeme_are_candidates(string word, string lexeme)
        => PostgresSnippet.MayStemTo(word, [lexeme]).ShouldBeTrue();

    [Fact]
    public void Words_that_cannot_stem_to_a_lexeme_are_not_candidates()
        => PostgresSnippet.MayStemTo("weather", ["facial", "recognit"]).ShouldBeFalse();

    [Fact]
    public void A_short_text_is_whole_with_its_matches_marked()
        => PostgresSnippet.Build("Officials say a law on facial recognition is near; sunny skies.", new HashSet<string>(StringComparer.Ordinal) { "facial" })
            .ShouldBe($"Officials say a law on {S}facial{E} recognition is near; sunny skies");

    [Fact]
    public void A_long_text_shows_the_window_with_the_most_matched_words()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"w{i}"));
        var text = $"Drones at first. {filler} drones and harbour together. {filler}";

        var snippet = PostgresSnippet.Build(text, new HashSet<string>(StringComparer.Ordinal) { "drones", "harbour" })!;

        snippet.ShouldStartWith($"{S}drones{E} and {S}harbour{E} together");
        snippet.Split(' ').Length.ShouldBe(PostgresSnippet.MaxWords);
        snippet.ShouldNotContain("first");
    }

    [Fact]
    public void A_match_near_the_end_fills_the_window_from_before_it()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"w{i}"));

        var snippet = PostgresSnippet.Build($"{filler} Drones!", new HashSet<string>(StringComparer.Ordinal) { "drones" })!;

        snippet.ShouldEndWith($"{S}Drones{E}");
        snippet.Split(' ').Length.ShouldBe(PostgresSnippet.MaxWords);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!! ---")]
    [InlineData("nothing here matches")]
    public void No_match_is_null_and_the_head_is_the_first_words(string text)
    {
        PostgresSnippet.Build(text, new HashSet<string>(StringComparer.Ordinal) { "drones" }).ShouldBeNull();
        PostgresSnippet.Head(text).ShouldBe(text.Contains("nothing", StringComparison.Ordinal) ? text : "");
    }

    [Fact]
    public void Words_split_on_everything_but_letters_digits_and_marks()
    {
        const string text = "covid-19 isn't café\u0301 e-mail";

        PostgresSnippet.Words(text).Select(r => text[r]).ShouldBe(["covid", "19", "isn", "t", "café\u0301", "e", "mail"]);
    }
}

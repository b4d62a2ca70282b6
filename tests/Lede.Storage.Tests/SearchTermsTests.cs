using Lede.Storage.Search;

namespace Lede.Storage.Tests;

public sealed class SearchTermsTests
{
    private static string Show(SearchTerms terms)
        => string.Join(" ", terms.Required.Select(t => $"+[{string.Join(' ', t)}]").Concat(terms.Excluded.Select(t => $"-[{string.Join(' ', t)}]")));

    [Theory]
    [InlineData("drones harbour", "+[drones] +[harbour]")]
    [InlineData("\"city council\" votes", "+[city council] +[votes]")]
    [InlineData("drones -stadium -\"over the top\"", "+[drones] -[stadium] -[over the top]")]
    [InlineData("\"unclosed phrase to the end", "+[unclosed phrase to the end]")]
    [InlineData("NEAR( drones* title:x", "+[NEAR(] +[drones*] +[title:x]")]
    [InlineData("a\"b\"c", "+[a] +[b] +[c]")]
    [InlineData("covid-19 - -- * ()", "+[covid-19]")]
    [InlineData("tab\there\u0002nul\0x", "+[tab] +[here] +[nul] +[x]")]
    public void Text_reads_as_required_and_excluded_terms(string text, string expected)
        => Show(SearchTerms.Parse(text)).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("* : \"\" ( )")]
    [InlineData("-only -excluded")]
    public void Text_with_nothing_to_look_for_is_an_argument_error(string? text)
        => Should.Throw<ArgumentException>(() => SearchTerms.Parse(text));

    [Fact]
    public void Too_many_terms_are_refused()
        => Should.Throw<ArgumentException>(() => SearchTerms.Parse(string.Join(' ', Enumerable.Range(0, SearchTerms.MaxTerms + 1).Select(i => $"w{i}"))))
            .Message.ShouldContain($"at most {SearchTerms.MaxTerms}");
}

using Lede.Store;

namespace Lede.Tests.Store;

public sealed class SearchSnippetTests
{
    private const char S = SearchHit.MarkStart;
    private const char E = SearchHit.MarkEnd;

    [Fact]
    public void Marks_become_spans_of_the_plain_text()
    {
        var snippet = SearchSnippet.Parse($"The {S}drones{E} over the {S}harbour{E}.");

        snippet.Text.ShouldBe("The drones over the harbour.");
        snippet.Highlights.ShouldBe([(4, 6), (20, 7)]);
    }

    [Theory]
    [InlineData("no marks at all", "no marks at all")]
    [InlineData("\u0003stray end", "stray end")]
    [InlineData("unclosed \u0002start", "unclosed start")]
    [InlineData("empty \u0002\u0003mark", "empty mark")]
    [InlineData("", "")]
    public void Stray_marks_are_dropped_without_a_span(string marked, string text)
    {
        var snippet = SearchSnippet.Parse(marked);

        snippet.Text.ShouldBe(text);
        snippet.Highlights.ShouldBeEmpty();
    }

    [Fact]
    public void Render_wraps_matches_and_encodes_the_rest()
    {
        var snippet = SearchSnippet.Parse($"a<b {S}c&d{E} e");

        snippet.Render(w => $"<b>{w.Replace("&", "&amp;", StringComparison.Ordinal)}</b>", p => p.Replace("<", "&lt;", StringComparison.Ordinal))
            .ShouldBe("a&lt;b <b>c&amp;d</b> e");
    }
}

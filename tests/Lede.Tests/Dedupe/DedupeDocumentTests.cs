using Lede.Dedupe;

namespace Lede.Tests.Dedupe;

public sealed class DedupeDocumentTests
{
    [Fact]
    public void A_full_line_is_read_with_its_date_in_utc()
    {
        var document = DedupeDocument.Parse("""{"id":"a","title":"T","text":"Body","publishedDateTime":"2026-11-24T15:00:00+02:00"}""", 1, out var error, out var warning);

        document.ShouldBe(new DedupeDocument("a", "T", "Body", new DateTime(2026, 11, 24, 13, 0, 0, DateTimeKind.Utc)));
        document!.Published!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        error.ShouldBeNull();
        warning.ShouldBeNull();
    }

    [Fact]
    public void A_numeric_id_and_a_title_alone_are_enough_and_a_bad_date_is_a_warning()
    {
        var document = DedupeDocument.Parse("""{"id":7,"title":"Morning briefing","publishedDateTime":"yesterday"}""", 3, out var error, out var warning);

        document.ShouldBe(new DedupeDocument("7", "Morning briefing", null, null));
        error.ShouldBeNull();
        warning.ShouldBe("line 3: id 7: unreadable publishedDateTime 'yesterday', taken as undated");
    }

    [Theory]
    [InlineData("{not json", "line 4: not JSON")]
    [InlineData("[1,2]", "line 4: expected a JSON object")]
    [InlineData("""{"title":"x"}""", "line 4: missing id")]
    [InlineData("""{"id":"x","text":5}""", "line 4: id x: neither title nor text")]
    [InlineData(null, "line 4: not JSON")]
    public void A_broken_line_is_an_error_naming_the_line(string? line, string expected)
    {
        DedupeDocument.Parse(line, 4, out var error, out _).ShouldBeNull();
        error.ShouldNotBeNull().ShouldStartWith(expected);
    }
}

using Lede.Fetch;
using Lede.Text;

namespace Lede.Tests.Text;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("https://example.org/feed.xml", "https://example.org/feed.xml")]
    [InlineData("https://example.org/feed?format=rss&page=2", "https://example.org/feed?format=rss&page=2")]
    [InlineData("https://example.org/feed?token=abc123&format=rss", "https://example.org/feed?token=***&format=rss")]
    [InlineData("https://example.org/f?api_key=k1&X-Amz-Signature=s2&Access-Token=t3#top", "https://example.org/f?api_key=***&X-Amz-Signature=***&Access-Token=***#top")]
    [InlineData("https://example.org/f?key=1&keyword=ai&sid=9", "https://example.org/f?key=***&keyword=ai&sid=***")]
    [InlineData("https://ann:hunter2@example.org/feed", "https://***@example.org/feed")]
    [InlineData("https://example.org/a@b?x=1", "https://example.org/a@b?x=1")]
    [InlineData("not a url ? password=1", "not a url ? password=***")]
    public void Secret_looking_query_values_and_user_info_are_hidden(string url, string logged)
        => LogText.Url(url).ShouldBe(logged);

    [Fact]
    public void Line_breaks_and_control_characters_cannot_forge_a_second_log_line()
    {
        var text = LogText.Line("Title\r\nlede: source 7 removed\u0007\u2028end");

        text.ShouldBe("Title\\r\\nlede: source 7 removed\\u0007\\u2028end");
        text.ShouldNotContain('\n');
    }

    [Fact]
    public void Bidi_overrides_and_c1_controls_cannot_disguise_a_log_line()
    {
        // A feed title holding U+202E shows "gpj.exe" as "exe.jpg"; U+009B starts a terminal escape sequence.
        var text = LogText.Line("report\u202Egpj.exe\u2066x\u2069 \u009b2J done");

        text.ShouldBe("report\\u202egpj.exe\\u2066x\\u2069 \\u009b2J done");
        text.ShouldNotContain('\u202E');
        LogText.Line("Zürich – café “quoted” 日本").ShouldBe("Zürich – café “quoted” 日本");
    }

    [Fact]
    public void A_fetch_failure_names_the_url_without_its_secret()
    {
        var e = new FetchException(new Uri("https://example.org/private.rss?token=s3cr3t"), FetchFailure.HttpStatus, "HTTP 401\nUnauthorized", 401);

        e.Message.ShouldBe("Fetching https://example.org/private.rss?token=*** failed: HTTP 401\\nUnauthorized");
        e.Message.ShouldNotContain("s3cr3t");
    }
}

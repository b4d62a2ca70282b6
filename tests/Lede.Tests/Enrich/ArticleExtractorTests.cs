using Lede.Enrich;

namespace Lede.Tests.Enrich;

public sealed class ArticleExtractorTests
{
    private const string Para = "The council voted on Tuesday to expand the tram line, a decision that officials said would cut journeys, reduce traffic and bring the new district within reach of the centre.";

    private static ExtractedText Extract(string html) => ArticleExtractor.Extract(HtmlPageLoader.Load(html).Document, new Uri("https://news.example/a/1"));

    private static string Page(string article) => $"""
        <html><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
        <div class="layout">
          <div class="main-column">{article}</div>
          <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Another story about something else entirely</a></li><li><a href="/y">Yet another story people clicked on</a></li></ul></aside>
        </div>
        <div class="newsletter-signup"><p>Sign up for our newsletter and get the best stories every morning, straight to your inbox.</p></div>
        <footer><p>© 2026 Example News. All rights reserved. Contact us, privacy, terms.</p></footer>
        </body></html>
        """;

    [Fact]
    public void Article_paragraphs_are_kept_and_page_furniture_dropped()
    {
        var r = Extract(Page($"<h1>Tram line to grow</h1><p>{Para}</p><h2>What happens next</h2><p>{Para} Work starts in spring.</p><ul><li>First stop opens in 2027, near the station.</li><li>Second stop follows a year later.</li></ul><blockquote>It is a great day for the city.</blockquote>"));

        r.Text.ShouldBe($"{Para}\n\nWhat happens next\n\n{Para} Work starts in spring.\n\nFirst stop opens in 2027, near the station.\n\nSecond stop follows a year later.\n\nIt is a great day for the city.");
        r.Html.ShouldContain("<h2>What happens next</h2>");
        r.Html.ShouldNotContain("newsletter", Case.Insensitive);
    }

    [Fact]
    public void A_named_article_body_wins_over_a_longer_comment_thread()
    {
        var comments = string.Concat(Enumerable.Range(0, 3).Select(i => $"<div class=\"comment\"><p>Comment {i}: {Para}</p></div>"));
        var r = Extract($"<html><body><div class=\"article-body\"><p>{Para}</p><p>{Para} Second.</p></div><div class=\"comments\">{comments}</div></body></html>");

        r.Text.ShouldStartWith(Para);
        r.Text.ShouldNotContain("Comment");
    }

    [Fact]
    public void Boilerplate_lines_and_link_lists_inside_the_body_are_dropped()
    {
        var r = Extract(Page($"<div class=\"story-body\"><p>{Para}</p><p>Advertisement</p><p><a href=\"/r1\">Read: the tram strike that stopped the city</a></p><p>{Para} Again.</p><p>Share this article</p></div>"));

        r.Text.ShouldBe($"{Para}\n\n{Para} Again.");
    }

    [Fact]
    public void Tables_become_one_line_per_row()
    {
        var r = Extract(Page($"<article><p>{Para}</p><table><tr><th>Pos</th><th>Driver</th></tr><tr><td>1</td><td>Kyle Busch</td></tr><tr><td>2</td><td>Martin Truex</td></tr></table><p>{Para}</p></article>"));

        r.Text.ShouldContain("Pos Driver\n\n1 Kyle Busch\n\n2 Martin Truex");
    }

    [Fact]
    public void Json_ld_article_body_is_used_when_the_markup_hides_the_text()
    {
        var body = string.Join(" ", Enumerable.Repeat(Para, 4));
        var r = Extract($$"""<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"{{body}}"}</script></head><body><div id="app">Loading…</div></body></html>""");

        r.Text.ShouldBe(body);
        r.Warnings.ShouldContain(w => w.Contains("JSON-LD", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_and_hostile_documents_return_empty_text_with_a_warning()
    {
        var r = Extract("");
        r.Text.ShouldBe("");
        r.Warnings.ShouldNotBeEmpty();
        Extract("<script>var x = '<p>not text</p>';</script><p hidden>hidden words here and there, quite a few of them really</p>").Text.ShouldBe("");
    }

    [Fact]
    public void Html_output_is_sanitized_and_links_are_absolute()
    {
        var r = Extract(Page($"<article><p onclick=\"evil()\">{Para} <a href=\"/more\" onmouseover=\"x()\">more</a></p><p>{Para}</p></article>"));

        r.Html.ShouldContain("href=\"https://news.example/more\"");
        r.Html.ShouldNotContain("onclick");
        r.Html.ShouldNotContain("onmouseover");
    }

    /// <summary>M12: past its deadline (and its floor of work) extraction stops and returns what it has, with a warning, instead of running on.</summary>
    [Fact]
    public void Extraction_past_its_deadline_returns_what_it_has_with_a_warning()
    {
        var paragraphs = string.Concat(Enumerable.Range(0, 3000).Select(i => $"<div class=\"block\"><p>{i}: {Para}</p></div>"));
        var document = HtmlPageLoader.Load(Page($"<h1>Tram line to grow</h1>{paragraphs}")).Document;

        var whole = ArticleExtractor.Extract(document, null, new ExtractOptions { Deadline = TimeSpan.FromHours(1), DeadlineFloor = 0 });
        var cut = ArticleExtractor.Extract(document, null, new ExtractOptions { Deadline = TimeSpan.Zero, DeadlineFloor = 0 });

        whole.Warnings.ShouldNotContain(w => w.Contains("deadline", StringComparison.Ordinal));
        whole.Text.ShouldContain($"2999: {Para}");
        cut.Warnings.ShouldContain(w => w == "extraction stopped at the 0 s deadline; the text may be partial");
        cut.Text.Length.ShouldBeLessThan(whole.Text.Length);
    }

    [Fact]
    public void The_deadline_cuts_in_only_after_a_floor_of_work()
    {
        var deadline = new Deadline(TimeSpan.Zero, minimumChecks: 1000);
        var late = new Deadline(TimeSpan.FromHours(1), minimumChecks: 0);

        Enumerable.Range(0, 1000).Count(_ => deadline.Passed).ShouldBe(0);
        deadline.Passed.ShouldBeTrue();
        Enumerable.Range(0, 10_000).Count(_ => late.Passed).ShouldBe(0);
    }
}

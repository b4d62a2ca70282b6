using Lede.Enrich;

namespace Lede.Tests.Enrich;

public sealed class PageFactsReaderTests
{
    [Fact]
    public void Canonical_comes_from_link_then_og_url_resolved_against_the_page()
    {
        Pages.Read("""<link rel="canonical" href="/2021/09/a-story/?x=1"><meta property="og:url" content="https://other.example/">""")
            .CanonicalUrl!.AbsoluteUri.ShouldBe("https://news.example.com/2021/09/a-story/?x=1");
        Pages.Read("""<meta property="og:url" content="https://news.example.com/s">""").CanonicalUrl!.AbsoluteUri.ShouldBe("https://news.example.com/s");
    }

    [Fact]
    public void A_garbage_canonical_is_a_warning_and_og_url_is_used()
    {
        var facts = Pages.Read("""<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://news.example.com/s">""");

        facts.CanonicalUrl!.AbsoluteUri.ShouldBe("https://news.example.com/s");
        facts.Warnings.ShouldContain(w => w.StartsWith("url: link rel=canonical", StringComparison.Ordinal));
    }

    [Fact]
    public void Amp_url_comes_from_link_rel_amphtml()
        => Pages.Read("""<link rel="amphtml" href="amp/">""").AmpUrl!.AbsoluteUri.ShouldBe("https://news.example.com/2021/09/a-story/amp/");

    [Theory]
    [InlineData("Mayor resigns | The Daily Dot", "The Daily Dot", "Mayor resigns")]
    [InlineData("Mayor resigns - Daily Dot", "The Daily Dot", "Mayor resigns")]
    [InlineData("Mayor resigns — Example News", null, "Mayor resigns — Example News")]
    [InlineData("Example | Mayor resigns", null, "Mayor resigns")]
    [InlineData("Mayor resigns | EXAMPLE.com", null, "Mayor resigns")]
    [InlineData("Review - The best webcams | Compsmag", "Compsmag", "Review - The best webcams")]
    [InlineData("Mets - Yankees preview - Fox News", "Fox News", "Mets - Yankees preview")]
    [InlineData("Title - News | Fox News", "Fox News", "Title - News")]
    [InlineData("Compsmag", "Compsmag", "Compsmag")]
    public void Site_names_are_removed_from_titles_and_nothing_else(string title, string? site, string expected)
        => TitleCleaner.Clean(title, site, new Uri("https://www.example.com/a")).ShouldBe(expected);

    [Fact]
    public void Title_prefers_og_title_and_skips_a_title_that_is_only_the_site_name()
    {
        var facts = Pages.Read("""
            <title>Storm hits coast | Example Post</title>
            <meta property="og:site_name" content="Example Post"><meta property="og:title" content="Example Post">
            <h1>Storm hits coast</h1>
            """);

        facts.Title.ShouldBe("Storm hits coast");
        facts.SiteName.ShouldBe("Example Post");
    }

    [Fact]
    public void Json_ld_in_a_graph_gives_dates_authors_publisher_and_image()
    {
        var facts = Pages.Read("""
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"#site","name":"Example Site"},
              {"@type":"Person","@id":"#jane","name":"Jane Roe"},
              {"@type":["NewsArticle"],"headline":"Bridge &amp; tunnel open","datePublished":"2021-09-15T16:05:00-04:00",
               "dateModified":"2021-09-15T16:52:00-04:00","author":[{"@id":"#jane"},{"@type":"Person","name":"John Doe"}],
               "publisher":{"@type":"Organization","name":"Example News","logo":{"@type":"ImageObject","url":"/logo.png"}},
               "image":[{"@type":"ImageObject","url":"https://cdn.example.com/bridge.jpg","width":"1200px","height":{"value":800}}, "https://cdn.example.com/bridge-sq.jpg"]}
            ]}
            </script>
            """);

        facts.Title.ShouldBe("Bridge & tunnel open");
        facts.PublishedUtc.ShouldBe(new DateTime(2021, 9, 15, 20, 5, 0, DateTimeKind.Utc));
        facts.ModifiedUtc.ShouldBe(new DateTime(2021, 9, 15, 20, 52, 0, DateTimeKind.Utc));
        facts.PublishedUtc!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        facts.Authors.ShouldBe(["Jane Roe", "John Doe"]);
        facts.SiteName.ShouldBe("Example News");
        facts.Images.Select(i => (i.Url.AbsoluteUri, i.Width, i.Height)).ShouldBe(
            [("https://cdn.example.com/bridge.jpg", 1200, 800), ("https://cdn.example.com/bridge-sq.jpg", null, null)]);
        facts.Type.ShouldBe(PageTypes.Article);
    }

    [Fact]
    public void Malformed_json_ld_is_repaired_with_a_warning()
    {
        var facts = Pages.Read("""
            <script type="application/ld+json"><!--
            {"@type":"BlogPosting","headline":"Line one
            line two","datePublished":"2020-02-03",}
            --></script>
            <script type="application/ld+json">{ this is not json </script>
            """);

        facts.Title.ShouldBe("Line one line two");
        facts.PublishedUtc.ShouldBe(new DateTime(2020, 2, 3, 0, 0, 0, DateTimeKind.Utc));
        facts.Warnings.ShouldContain(w => w == "json-ld: block 1 repaired (raw control characters in strings)");
        facts.Warnings.ShouldContain(w => w == "json-ld: block 2 is not JSON even after repair; ignored");
    }

    [Fact]
    public void Html_escaped_json_ld_and_several_values_in_one_block_are_read()
    {
        var facts = Pages.Read("""<script type="application/ld+json">{&quot;@type&quot;:&quot;WebPage&quot;} {&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;Escaped&quot;}</script>""");

        facts.Title.ShouldBe("Escaped");
        facts.Warnings.ShouldContain(w => w == "json-ld: block 1 repaired (HTML entities)");
    }

    [Fact]
    public void Meta_dates_are_used_in_order_and_converted_to_utc()
    {
        var facts = Pages.Read("""
            <meta name="parsely-pub-date" content="not a date">
            <meta name="sailthru.date" content="Tue, 19 Jan 2021 21:59:00 -0500">
            <meta property="og:updated_time" content="2021-01-20T03:00:00+00:00">
            """);

        facts.PublishedUtc.ShouldBe(new DateTime(2021, 1, 20, 2, 59, 0, DateTimeKind.Utc));
        facts.ModifiedUtc.ShouldBe(new DateTime(2021, 1, 20, 3, 0, 0, DateTimeKind.Utc));
        facts.Warnings.ShouldContain(w => w.Contains("parsely-pub-date", StringComparison.Ordinal));
    }

    [Fact]
    public void The_article_time_element_is_the_last_resort_and_sidebars_do_not_count()
    {
        var facts = Pages.Read("""<article><aside><time datetime="2019-01-01">old</time></aside><p class="byline"><time datetime="2021-04-19T21:59:00-04:00">Apr 19</time></p></article>""");

        facts.PublishedUtc.ShouldBe(new DateTime(2021, 4, 20, 1, 59, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Authors_skip_profile_urls_and_fall_back_to_rel_author()
    {
        Pages.Read("""<meta property="article:author" content="https://facebook.com/jane"><meta name="author" content="By Jane Roe">""").Authors.ShouldBe(["Jane Roe"]);
        Pages.Read("""<a rel="author" href="/people/sam">Sam Poe</a>""").Authors.ShouldBe(["Sam Poe"]);
    }

    [Theory]
    [InlineData("""<html lang="en-gb">""", "en-GB")]
    [InlineData("""<html><meta property="og:locale" content="fr_FR">""", "fr-FR")]
    [InlineData("""<html><meta http-equiv="content-language" content="de, en">""", "de")]
    [InlineData("""<html lang="{{lang}}"><meta property="og:locale" content="pt_BR">""", "pt-BR")]
    [InlineData("""<html lang="zh-hant-tw">""", "zh-Hant-TW")]
    public void Language_comes_from_html_lang_og_locale_or_content_language(string html, string expected)
        => Pages.Read(html).Language.ShouldBe(expected);

    [Theory]
    [InlineData("""<meta property="og:type" content="video.other">""", "https://e.com/news/a", "video")]
    [InlineData("""<script type="application/ld+json">{"@type":"VideoObject","name":"Clip","uploadDate":"2021-01-26"}</script>""", "https://e.com/a", "video")]
    [InlineData("""<script type="application/ld+json">[{"@type":"NewsArticle","headline":"A"},{"@type":"VideoObject","name":"Clip"}]</script>""", "https://e.com/video/a", "article")]
    [InlineData("", "https://e.com/video/5233334-clip", "video")]
    [InlineData("""<meta property="og:type" content="article">""", "https://e.com/videos/a", "article")]
    [InlineData("", "https://e.com/2021/videogames-sale", "article")]
    public void Type_is_video_only_when_the_page_says_so_or_its_url_does(string html, string url, string expected)
        => Pages.Read(html, url).Type.ShouldBe(expected);

    [Fact]
    public void Single_quoted_json_ld_and_a_stray_closing_brace_are_survived()
    {
        var quoted = Pages.Read("""<script type="application/ld+json">{"@type": "NewsArticle", "headline": 'Oil "falls" on Tuesday', 'datePublished': '2019-11-19T21:57:01Z'}</script>""");
        quoted.Title.ShouldBe("Oil \"falls\" on Tuesday");
        quoted.PublishedUtc.ShouldBe(new DateTime(2019, 11, 19, 21, 57, 1, DateTimeKind.Utc));

        var stray = Pages.Read("""<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Moon vapor"} }, "description": "x"}</script>""");
        stray.Title.ShouldBe("Moon vapor");
        stray.Warnings.ShouldContain(w => w == "json-ld: block 1 repaired (kept the values before a syntax error)");
    }

    [Fact]
    public void A_url_in_og_site_name_is_not_a_site_name()
        => Pages.Read("""<meta property="og:site_name" content="https://www.example.com"><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Example Now"}}</script>""")
            .SiteName.ShouldBe("Example Now");
}

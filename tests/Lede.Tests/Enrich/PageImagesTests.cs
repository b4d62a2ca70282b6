using Lede.Enrich;

namespace Lede.Tests.Enrich;

public sealed class PageImagesTests
{
    private static IReadOnlyList<PageImage> Images(string html) => Pages.Read(html).Images;

    [Fact]
    public void Og_image_sizes_belong_to_the_og_image_before_them_and_duplicates_merge()
    {
        var images = Images("""
            <meta property="og:image" content="https://cdn.example.com/a.jpg"><meta property="og:image:secure_url" content="https://cdn.example.com/a.jpg">
            <meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
            <meta property="og:image" content="/b.jpg"><meta property="og:image:width" content="800">
            <meta name="twitter:image" content="http://cdn.example.com/a.jpg">
            <script type="application/ld+json">{"@type":"NewsArticle","image":"https://cdn.example.com/c.jpg"}</script>
            """);

        images.Select(i => (i.Url.AbsoluteUri, i.Width, i.Height, i.Source)).ShouldBe(
        [
            ("https://cdn.example.com/a.jpg", 1200, 630, "og:image"),
            ("https://news.example.com/b.jpg", 800, null, "og:image"),
            ("https://cdn.example.com/c.jpg", null, null, "json-ld"),
        ]);
    }

    [Fact]
    public void The_lead_image_in_the_text_uses_lazy_attributes_and_skips_junk()
    {
        var images = Images("""
            <header><a class="logo"><img src="/assets/logo.png" width="180" height="40"></a></header>
            <article>
              <div class="byline"><img class="author-avatar" src="/people/jane.jpg" width="96" height="96"></div>
              <img src="/pixel.gif" width="1" height="1">
              <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/uploads/storm.jpg" width="1024" height="576" alt="Waves over the sea wall">
            </article>
            """);

        images.ShouldHaveSingleItem().Url.AbsoluteUri.ShouldBe("https://news.example.com/uploads/storm.jpg");
        images[0].Source.ShouldBe("body");
        images[0].Width.ShouldBe(1024);
    }

    [Fact]
    public void Srcset_gives_the_widest_candidate()
        => Images("""<article><img srcset="/s.jpg 320w, /l.jpg 1280w, /m.jpg 640w" alt="x"></article>""")
            .ShouldHaveSingleItem().ShouldBe(new PageImage(new Uri("https://news.example.com/l.jpg"), 1280, null, "body"));

    [Theory]
    [InlineData("https://www.facebook.com/tr?id=1&ev=PageView")]
    [InlineData("https://news.example.com/images/spacer.gif")]
    [InlineData("https://news.example.com/img/placeholder-image.png")]
    [InlineData("https://news.example.com/favicon.ico")]
    [InlineData("https://news.example.com/brand/wordmark.svg")]
    [InlineData("https://ads.example.net/creative/123.jpg")]
    [InlineData("https://news.example.com/ads/300x250.jpg")]
    [InlineData("https://news.example.com/img/lazy-load.gif")]
    [InlineData("https://news.example.com/dot.gif")]
    [InlineData("https://livetracker.example-cms.com/counter.lt?PageType=1")]
    public void Tracking_pixels_placeholders_icons_and_ads_are_never_candidates(string url)
    {
        var facts = Pages.Read($"""<meta property="og:image" content="{url}">""");

        facts.Images.ShouldBeEmpty();
        facts.Warnings.ShouldContain(w => w.StartsWith("image: og:image", StringComparison.Ordinal));
    }

    [Fact]
    public void Tiny_declared_images_and_the_publishers_logo_are_dropped()
    {
        Images("""<meta property="og:image" content="/a.jpg"><meta property="og:image:width" content="1"><meta property="og:image:height" content="1">""").ShouldBeEmpty();
        Images("""
            <meta property="og:image" content="/brand.png">
            <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"E","logo":{"url":"https://news.example.com/brand.png"}}}</script>
            """).ShouldBeEmpty();
    }

    [Fact]
    public void A_large_share_image_named_logo_is_kept_but_ranked_after_real_pictures()
    {
        var images = Images("""
            <meta property="og:image" content="/files/social_share/site_logo_0.jpg"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="627">
            <article><img src="/uploads/protest.jpg" width="800" height="533" alt="Protesters"></article>
            """);

        images.Select(i => (i.Url.AbsolutePath, i.Doubtful)).ShouldBe([("/uploads/protest.jpg", false), ("/files/social_share/site_logo_0.jpg", true)]);
    }

    [Fact]
    public void A_small_share_image_named_logo_is_dropped()
        => Images("""<meta property="og:image" content="/logo.png"><meta property="og:image:width" content="120"><meta property="og:image:height" content="120">""").ShouldBeEmpty();

    [Fact]
    public void A_site_wide_default_share_image_comes_after_the_article_picture()
        => Images("""
            <meta property="og:image" content="/img/pages/article/opengraph_default.jpg">
            <article><img src="/photos/2019/cat.jpg" alt="The cat"></article>
            """).Select(i => i.Url.AbsolutePath).ShouldBe(["/photos/2019/cat.jpg", "/img/pages/article/opengraph_default.jpg"]);

    [Fact]
    public void A_lazy_placeholder_gives_way_to_the_noscript_copy_and_picture_sources_count()
    {
        Images("""<article><img src="/img/lazy-placeholder.gif"><noscript><img src="/photos/real.jpg" alt="Real"></noscript></article>""")
            .ShouldHaveSingleItem().Url.AbsolutePath.ShouldBe("/photos/real.jpg");
        Images("""<article><picture><source srcset="/p/a-800.webp 800w, /p/a-1600.webp 1600w"><img alt="A"></picture></article>""")
            .ShouldHaveSingleItem().ShouldBe(new PageImage(new Uri("https://news.example.com/p/a-1600.webp"), 1600, null, "body"));
    }
}

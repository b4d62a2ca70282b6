using Lede.Score;

namespace Lede.Tests.Score;

public sealed class QualityScorerTests
{
    private static readonly QualityScorer Scorer = new();

    // Tier 2 (30) + 700 words (30) + author (10) + date (5) + excerpt (5) + real image (10) = 90.
    internal static QualityInput Good() => new()
    {
        Domain = "example.com",
        Tier = 2,
        Url = "https://example.com/news/2026/11/council-votes-on-camera-ban",
        Title = "City council votes to ban police use of facial recognition",
        Excerpt = "The council voted 7–2 on Tuesday after a year of hearings on how the police used the cameras.",
        FullText = Words(700),
        HasAuthor = true,
        HasPublishedDate = true,
        LeadImage = new QualityImage("https://example.com/images/council-chamber.jpg", 1200, 800),
    };

    internal static string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(i => i % 7 == 0 ? "council" : "word"));

    private static QualityPoint? Rule(QualityScore score, string rule) => score.Points.SingleOrDefault(p => p.Rule == rule);

    [Fact]
    public void A_good_article_from_a_tier_two_provider_scores_ninety_and_the_points_sum_to_the_value()
    {
        var score = Scorer.Score(Good());
        score.Value.ShouldBe(90);
        score.Points.Sum(p => p.Points).ShouldBe(score.Value);
        score.Points.Select(p => p.Rule).ShouldBe(["source-prior", "body-length", "author", "date", "excerpt", "lead-image"]);
        score.Tags.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 30)]
    [InlineData(3, 20)]
    [InlineData(4, 10)]
    [InlineData(5, 0)]
    [InlineData(null, 15)]
    [InlineData(0, 15)]
    [InlineData(9, 15)]
    public void The_source_prior_follows_the_tier(int? tier, int points)
        => Rule(Scorer.Score(Good() with { Tier = tier }), "source-prior")!.Points.ShouldBe(points);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(79, 0)]
    [InlineData(80, 10)]
    [InlineData(249, 10)]
    [InlineData(250, 20)]
    [InlineData(599, 20)]
    [InlineData(600, 30)]
    public void Body_length_bands_give_points(int words, int points)
        => Rule(Scorer.Score(Good() with { FullText = Words(words) }), "body-length")!.Points.ShouldBe(points);

    [Theory]
    [InlineData("")]
    [InlineData("short text of a teaser")]
    public void Too_little_main_text_is_a_failed_extraction(string text)
        => Rule(Scorer.Score(Good() with { FullText = text }), "extraction-failed")!.Points.ShouldBe(-10);

    [Fact]
    public void Enough_main_text_is_not_a_failed_extraction()
    {
        Rule(Scorer.Score(Good() with { FullText = new string('a', 499) + " b" }), "extraction-failed").ShouldBeNull();
        Rule(Scorer.Score(Good() with { FullText = null }), "extraction-failed")!.Why.ShouldContain("no main text");
    }

    [Fact]
    public void Author_and_date_give_points_only_when_present()
    {
        var without = Scorer.Score(Good() with { HasAuthor = false, HasPublishedDate = false });
        Rule(without, "author").ShouldBeNull();
        Rule(without, "date").ShouldBeNull();
        without.Value.ShouldBe(75);
    }

    [Fact]
    public void A_boilerplate_excerpt_costs_ten_and_earns_nothing()
    {
        var score = Scorer.Score(Good() with { ExcerptIsBoilerplate = true });
        Rule(score, "boilerplate-excerpt")!.Points.ShouldBe(-10);
        Rule(score, "excerpt").ShouldBeNull();
        score.Value.ShouldBe(75);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Read more.")]
    [InlineData("City council votes to ban police use of facial recognition")]
    public void Missing_short_or_title_copy_excerpts_earn_nothing(string? excerpt)
        => Rule(Scorer.Score(Good() with { Excerpt = excerpt }), "excerpt").ShouldBeNull();

    [Fact]
    public void Clickbait_headlines_cost_points_capped_at_fifteen()
    {
        var one = Scorer.Score(Good() with { Title = "10 things you should know about the council vote" });
        Rule(one, "clickbait")!.Points.ShouldBe(-5);
        var many = Scorer.Score(Good() with { Title = "You won't believe these 7 SHOCKING ways the COUNCIL VOTED!!" });
        Rule(many, "clickbait")!.Points.ShouldBe(-15);
        Rule(Scorer.Score(Good()), "clickbait").ShouldBeNull();
    }

    [Theory]
    [InlineData("https://example.com/sponsored/best-cameras-2026", null, null)]
    [InlineData(null, "Sponsored Content", null)]
    [InlineData(null, null, "Sponsored: The best cameras for your home")]
    [InlineData(null, null, "[Advertorial] The best cameras for your home")]
    public void Sponsored_content_costs_fifteen_and_is_tagged(string? url, string? section, string? title)
    {
        var input = Good() with { Url = url ?? Good().Url, Sections = section is null ? [] : [section], Title = title ?? Good().Title };
        var score = Scorer.Score(input);
        Rule(score, "sponsored")!.Points.ShouldBe(-15);
        score.Tags.ShouldContain("sponsored", StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("This article is sponsored by Acme Security.")]
    [InlineData("Paid post: a look at home security.")]
    public void A_disclosure_in_the_description_marks_sponsored_content(string description)
        => Rule(Scorer.Score(Good() with { RawDescription = description }), "sponsored").ShouldNotBeNull();

    [Theory]
    [InlineData("The bill, sponsored by Senator Smith, bans police use of the cameras.")]
    [InlineData("Partners in the coalition promoted the ban.")]
    public void Ordinary_news_about_sponsors_is_not_sponsored_content(string description)
    {
        var score = Scorer.Score(Good() with { RawDescription = description, Excerpt = description, Sections = ["Politics", "Partners"] });
        Rule(score, "sponsored").ShouldBeNull();
    }

    [Theory]
    [InlineData(null, "Opinion", "opinion")]
    [InlineData("https://example.com/opinion/2026/11/ban-the-cameras", null, "opinion")]
    [InlineData(null, "AnalysisNewsArticle", "analysis")]
    [InlineData("https://example.com/commentisfree/2026/nov/ban", null, "opinion")]
    public void Opinion_and_analysis_are_tagged_without_points(string? url, string? section, string label)
    {
        var score = Scorer.Score(Good() with { Url = url ?? Good().Url, Sections = section is null ? [] : [section] });
        Rule(score, label)!.Points.ShouldBe(0);
        score.Tags.ShouldBe([label]);
        score.Value.ShouldBe(90);
    }

    [Theory]
    [InlineData("Opinion: Ban the cameras now", "opinion")]
    [InlineData("Analysis | What the ban means for police", "analysis")]
    public void Headline_labels_mark_opinion(string title, string label)
        => Scorer.Score(Good() with { Title = title }).Tags.ShouldBe([label]);

    [Fact]
    public void A_headline_that_merely_mentions_opinion_is_news()
        => Scorer.Score(Good() with { Title = "Public opinion shifts against police cameras", Url = "https://example.com/opinionated-slug" }).Tags.ShouldBeEmpty();

    [Theory]
    [InlineData("https://example.com/static/site-logo.png", 1200, 630)]
    [InlineData("https://example.com/images/default-share.jpg", 1200, 630)]
    [InlineData("https://example.com/images/placeholder.jpg", 1200, 630)]
    [InlineData("https://example.com/images/council.jpg", 150, 150)]
    [InlineData("https://example.com/images/council.jpg", 1200, 100)]
    [InlineData("https://example.com/images/council.jpg", 1600, 300)]
    [InlineData("not a url", null, null)]
    public void Logo_placeholder_and_tiny_images_cost_five(string url, int? width, int? height)
    {
        var score = Scorer.Score(Good() with { LeadImage = new QualityImage(url, width, height) });
        Rule(score, "poor-image")!.Points.ShouldBe(-5);
        Rule(score, "lead-image").ShouldBeNull();
    }

    [Fact]
    public void An_image_that_leads_many_of_the_providers_articles_costs_five()
        => Rule(Scorer.Score(Good() with { LeadImage = Good().LeadImage! with { RepeatsAcrossArticles = true } }), "poor-image")!.Why.ShouldContain("many");

    [Fact]
    public void A_real_image_of_unknown_size_earns_ten_and_no_image_earns_nothing()
    {
        Rule(Scorer.Score(Good() with { LeadImage = new QualityImage("https://cdn.example.com/2026/council.jpg", null, null) }), "lead-image")!.Points.ShouldBe(10);
        var none = Scorer.Score(Good() with { LeadImage = null });
        Rule(none, "no-image")!.Points.ShouldBe(0);
        none.Value.ShouldBe(80);
    }

    [Fact]
    public void Wire_copies_cost_ten_unless_the_provider_is_the_wire()
    {
        var copy = Scorer.Score(Good() with { IsWireCopy = true, WireSource = "AP" });
        Rule(copy, "wire-copy")!.Points.ShouldBe(-10);
        Rule(copy, "wire-copy")!.Why.ShouldContain("via AP");
        copy.Tags.ShouldContain("wire copy", StringComparer.Ordinal);
        Rule(Scorer.Score(Good() with { IsWireCopy = true, Domain = "apnews.com" }), "wire-copy").ShouldBeNull();
        Rule(Scorer.Score(Good()), "wire-copy").ShouldBeNull();
    }

    [Theory]
    [InlineData("The councilâ€™s vote", true)]
    [InlineData("Caf\uFFFD owners object", true)]
    [InlineData("The council’s vote on the café’s cameras", false)]
    public void Leftover_mojibake_costs_five(string title, bool fires)
        => (Rule(Scorer.Score(Good() with { Title = title }), "mojibake") is not null).ShouldBe(fires);

    [Fact]
    public void Scores_clamp_at_zero_and_a_clamp_line_keeps_the_sum_equal_to_the_value()
    {
        var junk = new QualityInput
        {
            Tier = 5,
            Title = "You won't believe these 7 SHOCKING secrets!!",
            ExcerptIsBoilerplate = true,
            IsWireCopy = true,
            Sections = ["Sponsored"],
            LeadImage = new QualityImage("https://example.com/logo.png", 100, 100),
        };
        var score = Scorer.Score(junk);
        score.Value.ShouldBe(0);
        Rule(score, "clamp")!.Points.ShouldBeGreaterThan(0);
        score.Points.Sum(p => p.Points).ShouldBe(0);
    }

    [Fact]
    public void Scores_clamp_at_one_hundred()
    {
        var score = Scorer.Score(Good() with { Tier = 1, Decisions = new ProviderDecisions(500, 0) });
        score.Value.ShouldBe(100);
        Rule(score, "clamp")!.Points.ShouldBe(-5);
        score.Points.Sum(p => p.Points).ShouldBe(100);
    }

    [Fact]
    public void Editor_decisions_move_the_prior()
    {
        Rule(Scorer.Score(Good() with { Decisions = new ProviderDecisions(0, 40) }), "editor-record")!.Points.ShouldBeLessThan(0);
        Rule(Scorer.Score(Good() with { Decisions = new ProviderDecisions(0, 0) }), "editor-record").ShouldBeNull();
    }

    [Fact]
    public void Null_and_empty_input_score_without_throwing()
    {
        Scorer.Score(null).Value.ShouldBe(5);
        Scorer.Score(new QualityInput { Title = new string('!', 100_000), Sections = [null!, ""], Url = "::", LeadImage = new QualityImage("", -5, 0) })
            .Points.Sum(p => p.Points).ShouldBeInRange(0, 100);
        Scorer.Score(new QualityInput { Sections = null!, Decisions = new ProviderDecisions(int.MaxValue, int.MaxValue) }).Value.ShouldBeInRange(0, 100);
    }
}

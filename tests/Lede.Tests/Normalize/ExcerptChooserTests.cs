using Lede.Normalize;

namespace Lede.Tests.Normalize;

public sealed class ExcerptChooserTests
{
    private const string Amnesty = "We are Amnesty International UK. We are ordinary people from across the UK standing up for humanity and human rights.";

    private static readonly string Lead = string.Join(' ', Enumerable.Range(1, 12).Select(i => $"Sentence number {i} of the article says something useful about facial recognition."));

    [Fact]
    public void An_own_description_is_kept()
    {
        var chooser = new ExcerptChooser(new BoilerplateDetector());
        var choice = chooser.Choose("Police in London used live facial recognition at a concert, campaigners say.", Lead, "amnesty.org.uk", "https://www.amnesty.org.uk/a");
        choice.Source.ShouldBe(ExcerptSource.Description);
        choice.Text.ShouldBe("Police in London used live facial recognition at a concert, campaigners say.");
    }

    [Fact]
    public void A_description_repeated_across_pages_is_replaced_by_the_lead_cut_at_a_sentence()
    {
        var chooser = new ExcerptChooser(new BoilerplateDetector());
        chooser.Choose(Amnesty, Lead, "amnesty.org.uk", "https://www.amnesty.org.uk/a").Source.ShouldBe(ExcerptSource.Description);

        var choice = chooser.Choose(Amnesty, Lead, "amnesty.org.uk", "https://www.amnesty.org.uk/b");

        choice.Source.ShouldBe(ExcerptSource.Lead);
        choice.Reason.ShouldNotBeNull();
        choice.Text.ShouldEndWith(".");
        choice.Text.Length.ShouldBeInRange(180, 360);
        Lead.ShouldStartWith(choice.Text);
    }

    [Fact]
    public void The_same_page_seen_twice_is_not_a_repeat_and_other_providers_are_apart()
    {
        var detector = new BoilerplateDetector();
        detector.Observe("amnesty.org.uk", "https://www.amnesty.org.uk/a", Amnesty).ShouldBeFalse();
        detector.Observe("amnesty.org.uk", "https://www.amnesty.org.uk/a", Amnesty).ShouldBeFalse();
        detector.Observe("ifex.org", "https://ifex.org/a", Amnesty).ShouldBeFalse();
        detector.Observe("amnesty.org.uk", "https://www.amnesty.org.uk/b", Amnesty.ToUpperInvariant() + "  ").ShouldBeTrue();
    }

    [Fact]
    public void The_detector_state_round_trips()
    {
        var detector = new BoilerplateDetector();
        detector.Observe("amnesty.org.uk", "u1", Amnesty);
        detector.Observe("amnesty.org.uk", "u2", Amnesty);
        var restored = new BoilerplateDetector(state: detector.Snapshot());
        restored.IsBoilerplate("amnesty.org.uk", Amnesty).ShouldBeTrue();
        restored.Snapshot().ShouldBe(detector.Snapshot());
    }

    [Fact]
    public void A_lead_without_sentence_end_is_cut_at_a_word_with_an_ellipsis()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 200));
        var choice = new ExcerptChooser(new BoilerplateDetector()).Choose(null, words, "x.com", "u");
        choice.Source.ShouldBe(ExcerptSource.Lead);
        choice.Text.ShouldEndWith("word…");
        choice.Text.Length.ShouldBeLessThanOrEqualTo(301);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("Short", "")]
    public void Missing_text_gives_an_empty_or_short_excerpt_without_error(string? description, string? lead)
        => new ExcerptChooser(new BoilerplateDetector()).Choose(description, lead, null, null).Text.ShouldNotBeNull();

    [Fact]
    public void A_description_that_is_the_site_name_is_generic()
        => new ExcerptChooser(new BoilerplateDetector()).Choose("Amnesty International UK", Lead, "amnesty.org.uk", "u", "Amnesty International UK")
            .Source.ShouldBe(ExcerptSource.Lead);
}

using Lede.Classify;

namespace Lede.Tests.Classify;

public sealed class TopicRulesTests
{
    private static readonly Taxonomy Topics = Taxonomy.Parse("""
        topics:
          AI:
            phrases: {ai: 2, machine learning: 3}
          Vision:
            parent: AI
            phrases: {computer vision: 3, facial recognition: 3, facial recognition technology: 3}
            exclude: [vision statement]
        """, "test.yml").Taxonomy;

    [Fact]
    public void Phrases_match_whole_words_only_and_ignore_case()
    {
        var rules = new TopicRules(Topics);

        rules.Score("The mayor said", "Training and maintaining the email chain").ShouldBeEmpty();
        rules.Score("", "MACHINE Learning, again").Single().Topic.ShouldBe("AI");
    }

    [Fact]
    public void A_title_match_counts_more_than_a_text_match()
    {
        var rules = new TopicRules(Topics);

        var inTitle = rules.Score("Computer vision at work", "").Single();
        var inText = rules.Score("At work", "computer vision").Single();

        inTitle.Score.ShouldBeGreaterThan(inText.Score);
        inText.Score.ShouldBe(1 - Math.Exp(-1), 1e-9);
        inTitle.Reasons.Single().ShouldBe("phrase 'computer vision' in title (+6)");
    }

    [Fact]
    public void The_longest_phrase_at_a_position_is_counted_once()
    {
        var score = new TopicRules(Topics).Score("", "facial recognition technology").Single();

        score.Reasons.Single().ShouldStartWith("phrase 'facial recognition technology'");
    }

    [Fact]
    public void An_exclusion_vetoes_the_topic_and_says_so()
    {
        var score = new TopicRules(Topics).Score("Our vision statement", "computer vision for all").Single(s => s.Topic == "Vision");

        score.Score.ShouldBe(0);
        score.Reasons[0].ShouldBe("excluded by 'vision statement'");
    }

    [Fact]
    public void Repeats_add_evidence_sublinearly()
    {
        var rules = new TopicRules(Topics);

        var once = rules.Score("", "ai").Single().Score;
        var thrice = rules.Score("", "ai ai ai").Single().Score;

        thrice.ShouldBeGreaterThan(once);
        thrice.ShouldBe(1 - Math.Exp(-2 * (1 + Math.Log(3)) / 3), 1e-9);
    }
}

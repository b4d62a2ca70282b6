using Lede.Classify;

namespace Lede.Tests.Classify;

public sealed class TopicClassifierTests
{
    [Fact]
    public void Facial_recognition_is_computer_vision_and_privacy_and_implies_AI()
    {
        var classifier = new TopicClassifier(Taxonomy.Default);

        var result = classifier.Classify("City bans facial recognition", "The council voted to ban police use of facial recognition software.");

        result.Labels.ShouldBe(["AI", "Computer Vision", "Privacy & Surveillance", "AI Policy & Regulation"], ignoreOrder: true);
        result.Scores.Single(s => s.Topic == "AI").Reasons.ShouldContain(r => r == "implied by Computer Vision");
    }

    [Fact]
    public void A_sports_story_gets_no_AI_desk_topic()
    {
        var result = new TopicClassifier(Taxonomy.Default).Classify("Liverpool beat Everton 2-0", "Goals in each half settled the derby at Anfield on Saturday.");

        result.Labels.ShouldBeEmpty();
    }

    [Fact]
    public void Model_labels_are_closed_under_the_taxonomy_hierarchy()
    {
        var taxonomy = Taxonomy.Parse("topics:\n  AI: {}\n  Robotics:\n    parent: AI\n", "t.yml").Taxonomy;
        var model = TopicTrainer.Train(TopicModelTests.TinyCorpus(), new TopicTrainOptions { ThresholdFolds = 0 }).Model!;

        var result = new TopicClassifier(taxonomy, model).Classify("Robot arm learns to grasp", "a robot arm with grippers and motors");

        result.Labels.ShouldBe(["Robotics", "AI"], ignoreOrder: true);
        result.Scores.Single(s => s.Topic == "Robotics").Reasons.ShouldContain(r => r.StartsWith("model term '", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("\u0000\uFFFF", "ﬁ ﬂ \uD800")]
    public void Empty_or_odd_text_gives_no_labels_and_no_exception(string? title, string? text)
    {
        var model = TopicTrainer.Train(TopicModelTests.TinyCorpus()).Model!;

        new TopicClassifier(Taxonomy.Default, model).Classify(title, text).Labels.ShouldNotContain(l => l == "AI");
    }
}

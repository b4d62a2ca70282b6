using Lede.Classify;

namespace Lede.Tests.Classify;

public sealed class TopicModelTests
{
    private static readonly string[] RobotWords = ["robot", "arm", "gripper", "motor", "sensor", "actuator", "servo", "humanoid", "lidar", "torque"];
    private static readonly string[] CookingWords = ["recipe", "oven", "flour", "butter", "simmer", "garlic", "onion", "saucepan", "bake", "salt"];

    /// <summary>Sixteen short documents, half about robots and half about cooking, made from disjoint word lists.</summary>
    public static IReadOnlyList<TopicDocument> TinyCorpus()
    {
        var documents = new List<TopicDocument>();
        for (var i = 0; i < 8; i++)
        {
            documents.Add(new TopicDocument($"r{i}", $"The {RobotWords[i]} and the {RobotWords[(i + 1) % 10]}", string.Join(' ', RobotWords.Skip(i % 3).Take(6)), ["Robotics"]));
            documents.Add(new TopicDocument($"c{i}", $"A {CookingWords[i]} with {CookingWords[(i + 2) % 10]}", string.Join(' ', CookingWords.Skip(i % 3).Take(6)), ["Cooking"]));
        }

        return documents;
    }

    [Theory]
    [InlineData(TopicLearner.LogisticRegression)]
    [InlineData(TopicLearner.ComplementNaiveBayes)]
    public void A_trained_model_separates_unseen_texts_by_their_words(TopicLearner learner)
    {
        var model = TopicTrainer.Train(TinyCorpus(), new TopicTrainOptions { Learner = learner }).Model!;

        model.Labels.ShouldBe(["Cooking", "Robotics"]);
        model.Best("New servo motor", "a lidar sensor on the arm").ShouldBe("Robotics");
        model.Best("Sunday bake", "flour butter and salt in the oven").ShouldBe("Cooking");
        model.Predict("Sunday bake", "flour butter and salt in the oven").ShouldBe(["Cooking"]);
    }

    [Fact]
    public void Scores_are_probabilities_with_the_terms_that_raised_them()
    {
        var model = TopicTrainer.Train(TinyCorpus()).Model!;

        var scores = model.Score("Robot arm", "gripper and torque");

        scores.ShouldAllBe(s => s.Score >= 0 && s.Score <= 1);
        var robotics = scores.Single(s => s.Topic == "Robotics");
        robotics.Score.ShouldBeGreaterThan(scores.Single(s => s.Topic == "Cooking").Score);
        robotics.Reasons.ShouldNotBeEmpty();
        robotics.Reasons[0].ShouldStartWith("term '");
    }

    [Theory]
    [InlineData(TopicLearner.LogisticRegression)]
    [InlineData(TopicLearner.ComplementNaiveBayes)]
    public void A_saved_model_loads_back_with_identical_scores(TopicLearner learner)
    {
        var model = TopicTrainer.Train(TinyCorpus(), new TopicTrainOptions { Learner = learner }).Model!;
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;

        var loaded = TopicModel.Load(file);

        loaded.Labels.ShouldBe(model.Labels);
        loaded.Thresholds.ShouldBe(model.Thresholds);
        loaded.Learner.ShouldBe(learner);
        foreach (var text in new[] { "robot arm", "garlic onion", "nothing known here", "" })
        {
            loaded.Score("t", text).Select(s => s.Score).ShouldBe(model.Score("t", text).Select(s => s.Score));
        }
    }

    [Fact]
    public void The_same_documents_and_seed_give_the_same_model_bytes()
    {
        static byte[] Bytes()
        {
            using var stream = new MemoryStream();
            TopicTrainer.Train(TinyCorpus()).Model!.Save(stream);
            return stream.ToArray();
        }

        Bytes().ShouldBe(Bytes());
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4 })]
    [InlineData(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 })]
    public void A_file_that_is_not_a_model_is_invalid_data(byte[] bytes)
        => Should.Throw<InvalidDataException>(() => TopicModel.Load(new MemoryStream(bytes)));

    [Fact]
    public void A_truncated_model_is_invalid_data()
    {
        using var full = new MemoryStream();
        TopicTrainer.Train(TinyCorpus()).Model!.Save(full);

        Should.Throw<InvalidDataException>(() => TopicModel.Load(new MemoryStream(full.ToArray()[..(int)(full.Length / 2)])));
    }

    [Theory]
    [InlineData(TopicLearner.LogisticRegression)]
    [InlineData(TopicLearner.ComplementNaiveBayes)]
    public void A_text_without_a_known_term_scores_zero_and_gets_no_label(TopicLearner learner)
    {
        var model = TopicTrainer.Train(TinyCorpus(), new TopicTrainOptions { Learner = learner }).Model!;

        model.Score("", "zebra quantum").ShouldAllBe(s => s.Score == 0);
        model.Predict(null, null).ShouldBeEmpty();
        model.Best("", "").ShouldBeNull();
    }

    [Fact]
    public void Documents_without_labels_make_no_model_and_say_why()
    {
        var result = TopicTrainer.Train([new TopicDocument("1", "a", "b", [])]);

        result.Model.ShouldBeNull();
        result.Warnings.ShouldBe(["no labelled documents: nothing to learn"]);
    }

    [Fact]
    public void Multi_label_documents_get_every_label_over_its_threshold()
    {
        var documents = TinyCorpus().ToList();
        for (var i = 0; i < 6; i++)
        {
            documents.Add(new TopicDocument($"b{i}", "Robot chef", $"a robot arm with a servo motor will bake bread with flour butter salt {i}", ["Robotics", "Cooking"]));
        }

        var model = TopicTrainer.Train(documents).Model!;

        model.Predict("Kitchen robot", "the robot arm and servo bake with flour and butter").ShouldBe(["Cooking", "Robotics"], ignoreOrder: true);
        model.Predict("Garden", "a recipe with garlic onion simmer in a saucepan").ShouldBe(["Cooking"]);
    }
}

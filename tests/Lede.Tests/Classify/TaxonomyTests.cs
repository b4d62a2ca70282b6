using Lede.Classify;

namespace Lede.Tests.Classify;

public sealed class TaxonomyTests
{
    [Theory]
    [InlineData("AI", null)]
    [InlineData("Computer Vision", "AI")]
    [InlineData("Machine Learning Research", "AI")]
    [InlineData("Robotics", "AI")]
    [InlineData("AI Policy & Regulation", "AI")]
    [InlineData("Privacy & Surveillance", null)]
    [InlineData("AI in Industry", "AI")]
    public void The_default_taxonomy_has_the_AI_desk_topics_and_their_parents(string name, string? parent)
    {
        var topic = Taxonomy.Default.Find(name);

        topic.ShouldNotBeNull();
        topic.Parent.ShouldBe(parent);
        topic.Phrases.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_mapping_of_topics_reads_phrases_weights_exclusions_and_parent()
    {
        const string yaml = """
            db: lede.db
            topics:
              AI:
                description: Artificial intelligence
                phrases:
                  artificial intelligence: 3
                  ai: 2
              Robotics:
                parent: AI
                phrases: [robot, robots]
                exclude: [robocall]
            """;

        var result = Taxonomy.Parse(yaml, "lede.yml");

        result.Errors.ShouldBeEmpty();
        result.Taxonomy.Topics.Select(t => t.Name).ShouldBe(["AI", "Robotics"]);
        result.Taxonomy.Find("AI")!.Phrases.ShouldContain(new TopicPhrase("artificial intelligence", 3));
        result.Taxonomy.Find("Robotics")!.Phrases.ShouldContain(new TopicPhrase("robot", 1));
        result.Taxonomy.Find("Robotics")!.Exclusions.ShouldBe(["robocall"]);
        result.Taxonomy.Ancestors("Robotics").ShouldBe(["AI"]);
    }

    [Fact]
    public void A_list_of_topics_with_names_reads_the_same()
    {
        const string yaml = """
            topics:
              - name: AI
                phrases: {ai: 2}
              - name: Computer Vision
                parent: AI
                phrases:
                  - computer vision: 3
                  - face scan
            """;

        var result = Taxonomy.Parse(yaml, "lede.yml");

        result.Errors.ShouldBeEmpty();
        result.Taxonomy.Find("Computer Vision")!.Phrases.ShouldBe([new TopicPhrase("computer vision", 3), new TopicPhrase("face scan", 1)]);
    }

    [Theory]
    [InlineData("topics:\n  AI:\n    phrases: {ai: lots}\n", "lede.yml:3: topic 'AI': phrase 'ai': weight 'lots' is not a number")]
    [InlineData("topics:\n  AI:\n    phrases: {ai: -1}\n", "lede.yml:3: topic 'AI': phrase 'ai': weight -1 is outside (0, 100]")]
    [InlineData("topics:\n  AI:\n    colour: blue\n", "lede.yml:3: topic 'AI': unknown setting 'colour' (known: name, description, phrases, exclude, exclusions, parent)")]
    [InlineData("topics:\n  Robotics:\n    parent: Machines\n", "lede.yml: topic 'Robotics': parent 'Machines' is not a topic")]
    [InlineData("topics:\n  A:\n    parent: B\n  B:\n    parent: A\n", "lede.yml: topic 'A': parent links form a cycle")]
    [InlineData("topics: [\n", "lede.yml:2:")]
    [InlineData("topics: 7\n", "lede.yml:1: topics: expected a mapping of topic names to settings, or a list of topics")]
    public void Errors_are_one_line_naming_the_file_the_topic_and_the_problem(string yaml, string expected)
    {
        var result = Taxonomy.Parse(yaml, "lede.yml");

        result.Errors.ShouldNotBeEmpty();
        result.Errors[0].ShouldStartWith(expected);
        result.Errors.ShouldAllBe(e => !e.Contains('\n'));
    }

    [Fact]
    public void A_bad_topic_does_not_lose_the_good_ones_and_a_cycle_is_broken()
    {
        var result = Taxonomy.Parse("topics:\n  A:\n    parent: B\n  B:\n    parent: A\n  C:\n    phrases: {c: x}\n  D:\n    phrases: {d: 1}\n", "x.yml");

        result.Taxonomy.Topics.Select(t => t.Name).ShouldBe(["A", "B", "C", "D"]);
        result.Taxonomy.Ancestors("A").Count.ShouldBeLessThanOrEqualTo(1);
        result.Taxonomy.Find("D")!.Phrases.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("db: x.db\n")]
    [InlineData("- a\n- b\n")]
    [InlineData(null)]
    public void A_file_without_topics_gives_an_empty_taxonomy(string? yaml)
    {
        var result = Taxonomy.Parse(yaml, "lede.yml");

        result.Errors.ShouldBeEmpty();
        result.Taxonomy.Topics.ShouldBeEmpty();
    }
}

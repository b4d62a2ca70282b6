using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryClustererPruningTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    // Two stories a day for 100 days, four articles each; every story has words of its own that never come back.
    private static List<StoryDocument> Stream()
    {
        var documents = new List<StoryDocument>();
        for (var day = 0; day < 100; day++)
        {
            for (var s = 0; s < 2; s++)
            {
                var story = (day * 2) + s;
                var name = "Ka" + Letters(story);
                for (var a = 0; a < 4; a++)
                {
                    documents.Add(new StoryDocument(
                        $"d{story}-{a}",
                        $"{name} {Word(story, a)} {Word(story, a + 1)} {Word(story, 7)}",
                        $"Officials said {name} {Word(story, 0)} {Word(story, 1)} {Word(story, 2)} the {Word(story, 3)} near the harbour. "
                        + $"Later {name} {Word(story, 4)} {Word(story, 5)} and the {Word(story, 6)} council met again.",
                        Start.AddDays(day).AddHours((s * 5) + a),
                        null,
                        null));
                }
            }
        }

        return documents;
    }

    private static string Word(int story, int k) => "zo" + Letters((story * 8) + k);

    private static string Letters(int n)
    {
        var text = "";
        do
        {
            text += (char)('a' + (n % 26));
            n /= 26;
        }
        while (n > 0);
        return text;
    }

    [Fact]
    public void Pruning_keeps_the_term_table_to_the_window_and_changes_no_decision_when_old_words_never_return()
    {
        var pruned = new StoryClusterer(new StoryClusterOptions { TermTableFloor = 100 });
        var whole = new StoryClusterer(new StoryClusterOptions { TermTableFloor = int.MaxValue });

        foreach (var document in Stream())
        {
            var a = pruned.Add(document);
            var b = whole.Add(document);
            a.StoryId.ShouldBe(b.StoryId, document.Id);
            a.Score.ShouldBe(b.Score);
            a.Why.ShouldBe(b.Why);
        }

        whole.ActiveStories.ShouldBe(pruned.ActiveStories);
        pruned.TermCount.ShouldBeLessThan(whole.TermCount / 2);
    }

    [Fact]
    public void A_story_whose_words_were_forgotten_can_be_covered_again()
    {
        var clusterer = new StoryClusterer(new StoryClusterOptions { TermTableFloor = 1 });
        var stream = Stream();
        foreach (var document in stream)
        {
            clusterer.Add(document);
        }

        var first = stream[0] with { Id = "again-1", Published = Start.AddDays(200) };
        var second = stream[1] with { Id = "again-2", Published = Start.AddDays(200).AddHours(1) };
        var opened = clusterer.Add(first);
        var joined = clusterer.Add(second);

        opened.Opened.ShouldBeTrue();
        joined.StoryId.ShouldBe(opened.StoryId, string.Join("\n", joined.Why));
    }
}

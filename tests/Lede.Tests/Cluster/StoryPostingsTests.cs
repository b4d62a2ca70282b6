using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryPostingsTests
{
    [Fact]
    public void Holds_the_slots_posted_under_each_key_as_a_set_would()
    {
        var postings = new StoryPostings();
        var reference = new Dictionary<int, HashSet<int>>();
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            var key = random.Next(3_000);
            var slot = random.Next(50);
            var set = reference.TryGetValue(key, out var s) ? s : reference[key] = [];
            if (set.Contains(slot))
            {
                postings.Remove(key, slot);
                set.Remove(slot);
            }
            else
            {
                postings.Add(key, slot);
                set.Add(slot);
            }
        }

        foreach (var (key, set) in reference)
        {
            postings.Slots(key).ToArray().Order().ShouldBe(set.Order(), $"key {key}");
        }

        postings.Slots(1_000_000).Length.ShouldBe(0);
        postings.Slots(-1).Length.ShouldBe(0);
        Should.NotThrow(() => postings.Remove(1_000_000, 1));
    }
}

using Lede.Score;

namespace Lede.Tests.Score;

public sealed class HeatBaselineTrackerTests
{
    [Fact]
    public void It_always_equals_the_baseline_recomputed_from_every_story()
    {
        var random = new Random(11);
        var tracker = new HeatBaselineTracker();
        var stories = new Dictionary<long, StoryActivity?>();
        for (var step = 0; step < 5_000; step++)
        {
            var story = random.Next(60);
            if (random.Next(5) == 0)
            {
                tracker.Remove(story);
                stories.Remove(story);
            }
            else
            {
                // Small integers make equal rates common, so duplicates are removed and replaced too.
                StoryActivity? activity = random.Next(10) == 0 ? null : new(random.Next(-1, 6), TimeSpan.FromHours(random.Next(-2, 30)));
                tracker.Set(story, activity);
                stories[story] = activity;
            }

            tracker.ProvidersPerHour.ShouldBe(HeatBaseline.ProvidersPerHour(stories.Values), $"step {step}");
        }
    }

    [Fact]
    public void A_story_counts_once_with_its_latest_activity()
    {
        var tracker = new HeatBaselineTracker();
        for (var story = 0; story < 5; story++)
        {
            tracker.Set(story, new StoryActivity(1, TimeSpan.Zero));
        }

        tracker.ProvidersPerHour.ShouldBe(1.0 / 6, 1e-9);
        tracker.Set(0, new StoryActivity(60, TimeSpan.FromHours(6)));
        tracker.Set(1, new StoryActivity(60, TimeSpan.FromHours(6)));
        tracker.Set(2, new StoryActivity(60, TimeSpan.FromHours(6)));
        tracker.Count.ShouldBe(5);
        tracker.ProvidersPerHour.ShouldBe(HeatBaseline.MaxProvidersPerHour);
        tracker.Remove(2);
        tracker.Set(3, new StoryActivity(0, TimeSpan.Zero));
        tracker.Count.ShouldBe(3);
        tracker.ProvidersPerHour.ShouldBe(HeatBaseline.DefaultProvidersPerHour);
    }
}

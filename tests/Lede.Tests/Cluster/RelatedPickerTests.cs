using FsCheck;
using FsCheck.Fluent;
using Lede.Cluster;
using Lede.Normalize;

namespace Lede.Tests.Cluster;

public sealed class RelatedPickerTests
{
    private static readonly DateTime At = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    private static StoryMember Member(ulong id, string provider, int quality = 50, int minutes = 0)
        => new(new ArticleId(id), provider, At.AddMinutes(minutes), quality);

    [Fact]
    public void Other_providers_come_before_the_same_provider()
    {
        var members = new[] { Member(1, "a.com"), Member(2, "a.com", quality: 90), Member(3, "b.com"), Member(4, "c.com") };

        var related = RelatedPicker.Pick(members, max: 2);

        related[new ArticleId(1)].ShouldBe([new ArticleId(3), new ArticleId(4)]);
    }

    [Fact]
    public void A_story_of_one_article_relates_nothing()
    {
        RelatedPicker.Pick([Member(1, "a.com")])[new ArticleId(1)].ShouldBeEmpty();
    }

    [Fact]
    public void Links_are_symmetric_capped_and_never_to_oneself()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(
            Gen.Choose(0, 14).SelectMany(n => Gen.Choose(0, 3).ListOf(n)).ToArbitrary(),
            Gen.Choose(0, 6).ToArbitrary(),
            (providers, max) =>
            {
                var members = providers.Select((p, i) => Member((ulong)i + 1, $"p{p}.com", quality: (i * 37) % 100, minutes: i * 7)).ToList();

                var related = RelatedPicker.Pick(members, max);

                related.Count.ShouldBe(members.Count);
                foreach (var (id, list) in related)
                {
                    list.Count.ShouldBeLessThanOrEqualTo(max);
                    list.ShouldNotContain(id);
                    list.Distinct().Count().ShouldBe(list.Count);
                    list.ShouldAllBe(other => related[other].Contains(id));
                }

                // Greedy: with room left on both ends, no pair is missing.
                if (members.Count <= max + 1)
                {
                    related.Values.ShouldAllBe(list => list.Count == members.Count - 1);
                }
            }));
    }
}

using FsCheck;
using FsCheck.Fluent;
using Lede.Cluster;
using Lede.Normalize;

namespace Lede.Tests.Cluster;

public sealed class RelatedLinksTests
{
    private static readonly DateTime At = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    private static StoryMember Member(ulong id, string provider, int quality = 50, int minutes = 0)
        => new(new ArticleId(id), provider, At.AddMinutes(minutes), quality);

    private static RelatedLinks Build(int max, params StoryMember[] members)
    {
        var links = new RelatedLinks(max);
        foreach (var member in members)
        {
            links.Join(member);
        }

        return links;
    }

    [Fact]
    public void Other_providers_come_before_the_same_provider()
    {
        var links = Build(2, Member(1, "a.com"), Member(2, "a.com", quality: 90), Member(3, "b.com"), Member(4, "c.com"));

        links.Of(new ArticleId(1)).ShouldBe([new ArticleId(3), new ArticleId(4)]);
        links.Of(new ArticleId(2)).ShouldBe([new ArticleId(3), new ArticleId(4)]);
    }

    [Fact]
    public void A_story_of_one_article_relates_nothing()
    {
        Build(5, Member(1, "a.com")).Of(new ArticleId(1)).ShouldBeEmpty();
    }

    [Fact]
    public void A_join_changes_only_the_lists_it_touches()
    {
        var links = Build(2, Enumerable.Range(1, 50).Select(i => Member((ulong)i, $"p{i % 7}.com", quality: i % 10, minutes: i)).ToArray());

        var changed = links.Join(Member(51, "new.com", quality: 99, minutes: 51));

        // The newcomer, two articles it links to and at most the two those gave up.
        changed.Count.ShouldBeLessThanOrEqualTo(1 + (2 * 2));
        links.Of(new ArticleId(51)).Count.ShouldBe(2);
    }

    [Fact]
    public void Restored_links_come_back_as_they_were()
    {
        var links = Build(5, Member(1, "a.com"), Member(2, "b.com"), Member(3, "c.com"));
        var restored = new RelatedLinks(5);
        foreach (var id in new ulong[] { 1, 2, 3 })
        {
            restored.Restore(Member(id, "abc"[(int)id - 1] + ".com"), links.Of(new ArticleId(id)));
        }

        foreach (var id in new ulong[] { 1, 2, 3 })
        {
            restored.Of(new ArticleId(id)).ShouldBe(links.Of(new ArticleId(id)), ignoreOrder: true);
        }
    }

    [Fact]
    public void Links_are_symmetric_capped_and_never_to_oneself()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(
            Gen.Choose(0, 14).SelectMany(n => Gen.Choose(0, 3).ListOf(n)).ToArbitrary(),
            Gen.Choose(0, 6).ToArbitrary(),
            (providers, max) =>
            {
                var members = providers.Select((p, i) => Member((ulong)i + 1, $"p{p}.com", quality: (i * 37) % 100, minutes: i * 7)).ToArray();

                var links = Build(max, members);

                foreach (var member in members)
                {
                    var list = links.Of(member.Id);
                    list.Count.ShouldBeLessThanOrEqualTo(max);
                    list.ShouldNotContain(member.Id);
                    list.Distinct().Count().ShouldBe(list.Count);
                    list.ShouldAllBe(other => links.Of(other).Contains(member.Id));
                }

                // With room for everyone, everyone is related to everyone.
                if (members.Length <= max + 1)
                {
                    members.ShouldAllBe(m => links.Of(m.Id).Count == members.Length - 1);
                }
            }));
    }
}

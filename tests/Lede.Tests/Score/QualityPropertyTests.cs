using FsCheck;
using FsCheck.Fluent;
using Lede.Score;

namespace Lede.Tests.Score;

public sealed class QualityPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);
    private static readonly QualityScorer Scorer = new();

    [Fact]
    public void Any_input_gives_a_value_in_range_that_its_points_sum_to()
        => Check.One(Runs, Prop.ForAll((string? title, string? url, int n) =>
        {
            var (text, tier, width, flag) = (title + " " + url, n % 7, n, n % 2 == 0);
            var score = Scorer.Score(new QualityInput
            {
                Tier = tier,
                Title = title,
                Excerpt = text,
                FullText = text,
                Url = url,
                RawDescription = title,
                Sections = [title!, url!],
                ExcerptIsBoilerplate = flag,
                IsWireCopy = !flag,
                LeadImage = url is null ? null : new QualityImage(url, width, -width),
                Decisions = new ProviderDecisions(n / 3, -n),
            });
            score.Value.ShouldBeInRange(0, 100);
            score.Points.Sum(p => p.Points).ShouldBe(score.Value);
        }));

    [Fact]
    public void Adding_author_date_or_body_never_lowers_the_score()
        => Check.One(Runs, Prop.ForAll((string? title, int tier, int words) =>
        {
            var bare = QualityScorerTests.Good() with { Title = title, Tier = tier, HasAuthor = false, HasPublishedDate = false, FullText = "" };
            var richer = bare with { HasAuthor = true, HasPublishedDate = true, FullText = QualityScorerTests.Words(Math.Abs(words % 900)) };
            Scorer.Score(richer).Value.ShouldBeGreaterThanOrEqualTo(Scorer.Score(bare).Value);
        }));
}

using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryClustererYearTests
{
    private static readonly DateTime Day = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    // Two emergency patches of one product years apart: the first report's words, and the second's (full text: at least 48 distinct terms).
    private const string Before = "the company issued an emergency patch for its browser after attackers exploited a flaw in the data binding code "
        + "security researchers said criminals planted malicious code on thousands of websites to steal passwords from visitors "
        + "the update reached hundreds of millions of computers through automatic updates within days of the first attacks "
        + "engineers worked through the weekend to build and test the repair while administrators scheduled reboots across corporate networks";

    private const string After = "a temporary fix tool blocks the attack until a full update arrives while targeted attacks hit a few organisations "
        + "users were told to raise the internet zone setting to high and to turn off active scripting in trusted sites "
        + "the advisory lists every supported version and warns that the memory corruption allows remote code execution";

    private static StoryDocument Old(string id, string background)
        => new(id, "Microsoft releases emergency patch for Explorer",
            $"Microsoft released an emergency patch on Wednesday. {Before}. Customers running Windows Server {background} should install it now.",
            null, null, null);

    private static StoryDocument New(string id)
        => new(id, "Trusteer warns of targeted attacks as a temporary tool ships",
            $"September 18 , 2013 . Dustin Childs of Trusteer announced the tool. {After}. Trusteer said more would follow.",
            null, null, null);

    // Mostly the first report's words, dated by its lead to the second event's year.
    private static StoryDocument Dated(string id, string year, DateTime? published = null)
        => new(id, "Microsoft releases emergency patch for Explorer as Trusteer warns of targeted attacks",
            $"September 19 , {year} . Microsoft released an emergency patch on Wednesday. {Before}. Trusteer warned that {After}.",
            published, null, null);

    private static (List<StoryAssignment> Assignments, StoryAssignment Last) Run(StoryClusterOptions options, StoryDocument last, string background = "2008", DateTime? published = null)
    {
        var clusterer = new StoryClusterer(options);
        var assignments = new List<StoryAssignment>
        {
            clusterer.Add(Old("a1", background) with { Published = published }),
            clusterer.Add(Old("a2", background) with { Published = published }),
            clusterer.Add(New("b1") with { Published = published }),
        };
        var assignment = clusterer.Add(last);
        assignments.Add(assignment);
        return (assignments, assignment);
    }

    private static string Why(List<StoryAssignment> assignments) => string.Join("\n", assignments.SelectMany(a => a.Why));

    [Fact]
    public void An_article_dated_by_its_lead_joins_the_runner_up_that_names_its_year_when_the_best_story_names_only_earlier_ones()
    {
        var (plainAll, plain) = Run(new StoryClusterOptions { YearOrder = false }, Dated("c", "2013"));
        var (yearsAll, years) = Run(new StoryClusterOptions(), Dated("c", "2013"));

        plainAll[2].Opened.ShouldBeTrue(Why(plainAll));
        plain.StoryId.ShouldBe(plainAll[0].StoryId, Why(plainAll));
        years.StoryId.ShouldBe(yearsAll[2].StoryId, Why(yearsAll));
        years.Why.ShouldContain(line => line.StartsWith("years: the article's lead names 2013", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lead_year_the_best_story_already_names_keeps_the_article_there()
    {
        var (all, last) = Run(new StoryClusterOptions(), Dated("c", "2013"), background: "2013");

        last.StoryId.ShouldBe(all[0].StoryId, Why(all));
        last.Why.ShouldNotContain(line => line.StartsWith("years:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_best_story_that_names_no_year_is_not_judged_by_years()
    {
        var (all, last) = Run(new StoryClusterOptions(), Dated("c", "2013"), background: "2000s");

        last.StoryId.ShouldBe(all[0].StoryId, Why(all));
    }

    [Fact]
    public void A_headline_that_names_a_year_is_not_judged_by_years()
    {
        var headline = new StoryDocument("c", "September 2013 : Microsoft releases emergency patch for Explorer as Trusteer warns of targeted attacks", "", null, null, null);
        var (anyLength, judged) = Run(new StoryClusterOptions { DetailMinTerms = 1 }, headline);
        var (all, last) = Run(new StoryClusterOptions(), headline);

        judged.Why.ShouldContain(line => line.StartsWith("years:", StringComparison.Ordinal), Why(anyLength));
        last.Why.ShouldNotContain(line => line.StartsWith("years:", StringComparison.Ordinal), Why(all));
    }

    [Fact]
    public void With_publication_times_the_years_in_the_text_are_not_consulted()
    {
        var (all, last) = Run(new StoryClusterOptions(), Dated("c", "2013", Day), published: Day);

        last.StoryId.ShouldBe(all[0].StoryId, Why(all));
        last.Why.ShouldNotContain(line => line.StartsWith("years:", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_stories_one_of_which_names_a_later_year_than_any_the_other_names_merge_at_half_their_similarity()
    {
        static List<StoryAssignment> Bridge(StoryClusterOptions options)
        {
            var clusterer = new StoryClusterer(options);
            return
            [
                clusterer.Add(Old("a1", "2008")),
                clusterer.Add(Dated("b1", "2013")),
                clusterer.Add(new StoryDocument("c", "Microsoft releases emergency patch for Explorer as Trusteer warns of targeted attacks",
                    $"Microsoft released an emergency patch on Wednesday. {Before}. Trusteer warned that {After[..150]}. Windows Server users should update.", null, null, null)),
            ];
        }

        var tight = new StoryClusterOptions { JoinThreshold = 0.6, StrongThreshold = 0.6, MergeThreshold = 0.3, YoungStoryArticles = 0 };
        var plain = Bridge(tight with { YearOrder = false });
        var years = Bridge(tight);

        plain[1].Opened.ShouldBeTrue(Why(plain));
        plain[2].Merged.ShouldNotBeEmpty(Why(plain));
        years[2].Merged.ShouldBeEmpty(Why(years));
        years[2].Why.ShouldContain(line => line.StartsWith("not merged", StringComparison.Ordinal) && line.Contains("halved: one names a later year", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2013", true)]
    [InlineData("1999", true)]
    [InlineData("2100", false)]
    [InlineData("1899", false)]
    [InlineData("201", false)]
    [InlineData("20134", false)]
    [InlineData("20a3", false)]
    public void Years_are_four_digits_from_1900_to_2099(string word, bool year)
        => StoryWords.IsYear(word).ShouldBe(year);
}

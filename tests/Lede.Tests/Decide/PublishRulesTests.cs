using Lede.Decide;
using Lede.Records;
using Lede.Tests.Records;

namespace Lede.Tests.Decide;

public sealed class PublishRulesTests
{
    private static readonly ArticleRecord Good = Samples.Minimal with
    {
        Quality = 70,
        Heat = 40,
        Topics = ["AI", "Computer Vision"],
        Provider = new ProviderRef("Nextgov", "nextgov.com"),
    };

    [Fact]
    public void Without_a_publish_section_nothing_is_published_automatically()
    {
        var (rules, errors) = PublishRules.Parse("db: x.db\n", "lede.yml");

        errors.ShouldBeEmpty();
        rules.Judge(Good).Published.ShouldBeFalse();
        rules.Judge(Good).Why.ShouldHaveSingleItem().ShouldContain("waiting for an editor");
    }

    [Fact]
    public void Every_rule_that_is_set_must_pass()
    {
        var (rules, errors) = PublishRules.Parse("""
            publish:
              min_quality: 60
              min_heat: 30
              topics: [Computer Vision]
              deny_providers: [compsmag.com]
            """, "lede.yml");

        errors.ShouldBeEmpty();
        rules.Judge(Good).Published.ShouldBeTrue();
        rules.Judge(Good with { Quality = 59 }).Published.ShouldBeFalse();
        rules.Judge(Good with { Heat = -1 }).Why.ShouldContain(w => w == "fail: heat not known yet");
        rules.Judge(Good with { Topics = ["Robotics"] }).Published.ShouldBeFalse();
        rules.Judge(Good with { Provider = new ProviderRef("Compsmag", "news.compsmag.com") }).Published.ShouldBeFalse();
    }

    [Fact]
    public void An_allow_list_matches_domain_sub_domains_or_name()
    {
        var (rules, _) = PublishRules.Parse("publish:\n  allow_providers: [Nextgov, example.org]\n", "lede.yml");

        rules.Judge(Good).Published.ShouldBeTrue();
        rules.Judge(Good with { Provider = new ProviderRef("Ex", "news.example.org") }).Published.ShouldBeTrue();
        rules.Judge(Good with { Provider = new ProviderRef("Other", "notexample.org") }).Published.ShouldBeFalse();
    }

    [Fact]
    public void An_empty_publish_section_publishes_everything()
    {
        var (rules, errors) = PublishRules.Parse("publish:\n", "lede.yml");

        errors.ShouldBeEmpty();
        rules.Judge(Good with { Quality = 0 }).Published.ShouldBeTrue();
    }

    [Theory]
    [InlineData("publish:\n  min_quality: lots\n", "lede.yml:2: publish: min_quality: 'lots' is not a whole number from 0 to 100")]
    [InlineData("publish:\n  min_heat: -2\n", "lede.yml:2: publish: min_heat: '-2' is not a whole number from -1 to 100")]
    [InlineData("publish:\n  min_qualty: 3\n", "lede.yml:2: publish: unknown setting 'min_qualty'")]
    [InlineData("publish:\n  topics: {a: 1}\n", "lede.yml:2: publish: topics: expected a list of names")]
    [InlineData("publish: [1, 2]\n", "lede.yml:1: publish: expected settings")]
    [InlineData("publish:\n  min_quality: [\n", "lede.yml:")]
    public void A_bad_setting_is_one_line_naming_file_line_and_setting(string yaml, string error)
    {
        var (_, errors) = PublishRules.Parse(yaml, "lede.yml");

        errors.ShouldHaveSingleItem().ShouldStartWith(error);
    }

    [Fact]
    public void The_newest_editor_decision_outranks_the_rules()
    {
        var (rules, _) = PublishRules.Parse("publish:\n  min_quality: 90\n", "lede.yml");
        var decider = new PublishDecider(rules);
        var at = new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);

        decider.Decide(Good, []).Published.ShouldBeFalse();
        var published = decider.Decide(Good, [new EditorDecision(EditorAction.Publish, "ana", at, null)]);
        published.Published.ShouldBeTrue();
        published.DecidedBy.ShouldBe("ana");
        var rejected = decider.Decide(Good with { Quality = 99 }, [
            new EditorDecision(EditorAction.Publish, "ana", at, null),
            new EditorDecision(EditorAction.Reject, "bo", at.AddHours(1), "press release"),
        ]);
        rejected.Published.ShouldBeFalse();
        rejected.Why.ShouldHaveSingleItem().ShouldBe("editor: reject by bo at 2026-11-24 11:00Z: press release");
    }
}

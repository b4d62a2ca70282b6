using System.Text.RegularExpressions;
using Lede.Normalize;
using Lede.Tests.Support;

namespace Lede.Tests.Normalize;

public sealed partial class ProviderNamerTests
{
    private static readonly ProviderNamer Empty = new([]);

    [Theory]
    [InlineData("www.compsmag.com", "Compsmag")]
    [InlineData("www.centralmaine.com", "Kennebec Journal")]
    [InlineData("multifiles.pressherald.com", "Portland Press Herald")]
    [InlineData("www.amnesty.org.uk", "Amnesty UK")]
    [InlineData("newyork.cbslocal.com", "CBS Local")]
    [InlineData("www.biometricupdate.com", "Biometric Update")]
    public void The_shipped_providers_file_names_the_sample_providers(string host, string expected)
    {
        var name = new ProviderNamer().Name(host, siteName: "Windows", publisher: "Windows", feedTitle: "Windows");
        name.Name.ShouldBe(expected);
        name.Source.ShouldBe(ProviderNameSource.ProvidersFile);
    }

    [Fact]
    public void The_shipped_file_has_the_thirteen_providers_and_no_warnings()
    {
        ProvidersFile.Default.Warnings.ShouldBeEmpty();
        ProvidersFile.Default.Entries.Count.ShouldBe(13);
    }

    [Theory]
    [InlineData("www.dailydot.com", "The Daily Dot", "The Daily Dot")]
    [InlineData("www.bbc.co.uk", "British Broadcasting Corporation", "British Broadcasting Corporation")]
    [InlineData("www.fox9.com", "FOX 9 Minneapolis-St. Paul", "FOX 9 Minneapolis-St. Paul")]
    [InlineData("www.compsmag.com", "Windows", "Compsmag")]
    [InlineData("www.khmertimeskh.com", "Latest News", "Khmertimeskh")]
    [InlineData("www.the-verge.com", null, "The Verge")]
    public void Site_names_are_accepted_only_when_they_name_the_domain(string host, string? siteName, string expected)
        => Empty.Name(host, siteName).Name.ShouldBe(expected);

    [Fact]
    public void A_name_unrelated_to_the_domain_is_accepted_once_pages_agree_on_it()
    {
        var namer = new ProviderNamer([]);
        namer.Name("www.centralmaine.com", "Kennebec Journal").Name.ShouldBe("Centralmaine");
        namer.Name("www.centralmaine.com", "Kennebec Journal").Name.ShouldBe("Centralmaine");
        namer.Name("www.centralmaine.com", "Kennebec Journal").Name.ShouldBe("Kennebec Journal");
    }

    [Fact]
    public void Publisher_and_feed_title_follow_site_name()
    {
        var name = Empty.Name("ifex.org", siteName: "Home", publisher: "IFEX", feedTitle: "IFEX news feed");
        name.Name.ShouldBe("IFEX");
        name.Source.ShouldBe(ProviderNameSource.Publisher);
        name.Domain.ShouldBe("ifex.org");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("https://www.example.com/path")]
    public void Odd_hosts_still_get_a_name(string? host)
        => Empty.Name(host).Name.ShouldNotBeNull();

    [Fact]
    public void The_tier_of_a_providers_file_entry_reaches_the_provider_name()
    {
        var namer = new ProviderNamer(ProvidersFile.Parse("""
            providers:
              - domain: example.com
                name: Example News
                tier: 2
              - domain: untiered.org
                name: Untiered
            """).Entries);
        namer.Name("news.example.com").Tier.ShouldBe(2);
        namer.Name("www.untiered.org").Tier.ShouldBeNull();
        namer.Name("elsewhere.net", siteName: "Elsewhere").Tier.ShouldBeNull();
    }

    [Fact]
    public void A_broken_providers_file_gives_warnings_and_the_good_entries()
    {
        var result = ProvidersFile.Parse("""
            providers:
              - domain: Example.com
                name: Example News
                tier: 2
              - domain: bad.com
              - domain: tier.com
                name: Tier
                tier: 9
              - just a string
              - domain: example.com
                name: Again
            """);
        result.Entries.ShouldBe([new ProviderEntry("example.com", "Example News", 2), new ProviderEntry("tier.com", "Tier", null)]);
        result.Warnings.Count.ShouldBe(4);
        ProvidersFile.Parse("providers: [unclosed").Warnings.ShouldNotBeEmpty();
        ProvidersFile.Parse("- a list").Warnings.ShouldNotBeEmpty();
    }

    [Fact]
    public void Every_record_provider_is_named_and_compsmag_is_never_windows()
    {
        var providers = Repo.SampleRecords()
            .SelectMany(f => RecordProvider().Matches(File.ReadAllText(f)))
            .Select(m => (Name: m.Groups["name"].Value, Domain: m.Groups["domain"].Value))
            .Distinct()
            .ToList();
        providers.Count.ShouldBeGreaterThanOrEqualTo(13);
        var namer = new ProviderNamer();
        foreach (var (name, domain) in providers)
        {
            var named = namer.Name("www." + domain, siteName: name);
            named.Domain.ShouldBe(domain);
            string.Equals(named.Name, "Windows", StringComparison.OrdinalIgnoreCase).ShouldBeFalse();
            if (name is not "Windows" and not "Biometric Companies")
            {
                named.Name.ShouldBe(name);
            }
        }
    }

    [GeneratedRegex(@"provider:\s+name: (?<name>[^\n]+)\n\s+domain: (?<domain>\S+)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RecordProvider();
}

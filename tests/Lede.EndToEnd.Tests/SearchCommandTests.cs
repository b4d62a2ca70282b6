using System.Text.Json;
using Lede.Tests.Support;

namespace Lede.EndToEnd.Tests;

public sealed class SearchCommandTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("lede-e2e-").FullName;

    private Task<CliRun> Lede(params string[] args) => LedeCli.RunAsync(_work, args);

    public async Task InitializeAsync() => (await Lede("records", "import", Repo.Shared("spec/records"))).ExitCode.ShouldBe(0);

    public Task DisposeAsync()
    {
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Hits_print_one_block_each_with_the_matches_in_brackets()
    {
        var run = await Lede("search", "facial", "recognition", "Russia");

        run.ExitCode.ShouldBe(0, run.Stderr);
        var lines = run.Stdout.Split('\n');
        lines[0].ShouldBe("Unregulated use of facial recognition technology continues to spread across Russia");
        lines[1].ShouldBe("  IFEX · 2021-09-20 22:36Z · 944ab56ac52e7950 · not published");
        lines[2].ShouldBe("  https://ifex.org/unregulated-use-of-facial-recognition-technology-continues-to-spread-across-russia/");
        lines[3].ShouldContain("[Russia]");
        lines[3].ShouldContain("[facial] [recognition]");
        lines[^2].ShouldBe("1 hit");
    }

    [Fact]
    public async Task Json_hits_carry_plain_snippets_with_the_spans_of_the_matches()
    {
        var run = await Lede("search", "moratorium", "--json");

        run.ExitCode.ShouldBe(0, run.Stderr);
        var hit = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ShouldHaveSingleItem();
        hit.GetProperty("id").GetString().ShouldBe("02ffa5deb697b13d");
        hit.GetProperty("provider").GetString().ShouldBe("The Daily Dot");
        hit.GetProperty("publishedAt").GetString().ShouldBe("2021-09-16T20:13:00Z");
        var text = hit.GetProperty("snippet").GetProperty("text").GetString()!;
        text.ShouldNotContain('\u0002');
        var span = hit.GetProperty("snippet").GetProperty("highlights").EnumerateArray().ShouldHaveSingleItem();
        text.Substring(span[0].GetInt32(), span[1].GetInt32()).ShouldBe("moratorium");
    }

    [Fact]
    public async Task Filters_and_exclusions_narrow_the_hits()
    {
        (await Ids("facial", "--published")).ShouldBe(["8422dcafe3c997d5"]);
        (await Ids("facial", "--since", "2021-09-01")).ShouldBe(["944ab56ac52e7950", "02ffa5deb697b13d"], ignoreOrder: true);
        (await Ids("facial", "--topic", "computer vision", "--limit", "2")).Count.ShouldBe(2);
        (await Ids("facial", "--topic", "gardening")).ShouldBeEmpty();
        (await Ids("facial -russia")).ShouldNotContain(id => id == "944ab56ac52e7950");
        (await Ids("facial", "-russia")).ShouldNotContain(id => id == "944ab56ac52e7950");
    }

    [Fact]
    public async Task A_query_with_nothing_to_search_is_bad_usage()
    {
        var run = await Lede("search", "* ( :");

        run.ShouldBe(new CliRun(2, "", "lede: the search has no word to look for (words need a letter or a digit)\n"));
    }

    [Fact]
    public async Task A_bad_date_or_limit_is_bad_usage()
    {
        (await Lede("search", "facial", "--since", "yesterday")).ExitCode.ShouldBe(2);
        (await Lede("search", "facial", "--limit", "0")).ExitCode.ShouldBe(2);
    }

    private async Task<List<string>> Ids(params string[] args)
    {
        var run = await Lede(["search", .. args, "--json"]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        return [.. JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().Select(h => h.GetProperty("id").GetString()!)];
    }
}

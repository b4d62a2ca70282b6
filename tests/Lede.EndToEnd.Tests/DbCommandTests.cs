using System.Text.Json;
using Lede.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Lede.EndToEnd.Tests;

public sealed class DbCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("lede-e2e-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private Task<CliRun> Lede(params string[] args) => LedeCli.RunAsync(_work, args);

    [Fact]
    public async Task Migrate_creates_the_database_and_then_has_nothing_to_do()
    {
        var first = await Lede("db", "migrate");
        var again = await Lede("db", "migrate");

        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stdout.ShouldMatch(@"^schema version (\d+) \(applied \1 migrations\)\n$");
        again.Stdout.ShouldMatch(@"^schema version \d+ \(applied 0 migrations\)\n$");
    }

    [Fact]
    public async Task Check_passes_a_clean_store_and_names_each_problem_of_a_damaged_one()
    {
        (await Lede("records", "import", Repo.Shared("spec/records"))).ExitCode.ShouldBe(0);
        (await Lede("db", "check")).ShouldBe(new CliRun(0, "checked 5 articles: 0 problems (MACs not verified: no keys configured)\n", ""));

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_work, "data", "lede.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM article_search WHERE rowid = (SELECT seq FROM article WHERE web_url LIKE 'https://ifex.org/%');
                DELETE FROM related_snapshot WHERE article_seq = (SELECT seq FROM article WHERE web_url LIKE 'https://www.dailydot.com/%');
                """;
            command.ExecuteNonQuery();
        }

        var damaged = await Lede("db", "check");

        damaged.ExitCode.ShouldBe(1);
        var lines = damaged.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain(l => l == "search: article 944ab56ac52e7950: is missing from the search index");
        lines.ShouldContain(l => l.StartsWith("related: article ", StringComparison.Ordinal) && l.Contains("lists article 02ffa5deb697b13d, which does not list it back", StringComparison.Ordinal));
        lines[^1].ShouldStartWith("checked 5 articles: ");
        var json = JsonDocument.Parse((await Lede("db", "check", "--json")).Stdout).RootElement;
        json.GetProperty("problems").GetArrayLength().ShouldBe(lines.Length - 1);
    }

    [Fact]
    public async Task Check_verifies_macs_with_the_configured_keys()
    {
        (await Lede("keys", "new")).ExitCode.ShouldBe(0);
        (await Lede("records", "import", Repo.Shared("spec/records"))).ExitCode.ShouldBe(0);

        var run = await Lede("db", "check");

        run.ShouldBe(new CliRun(0, "checked 5 articles: 0 problems (MACs verified with 1 key)\n", ""));
    }
}

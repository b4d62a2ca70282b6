using System.Text.Json;
using Lede.Normalize;
using Lede.Storage;
using Lede.Store;
using Lede.Tests.Store;
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

    [Fact]
    public async Task Swapped_payloads_fail_check_and_show_and_old_seals_are_a_notice_until_rotate_binds_them()
    {
        (await Lede("keys", "new")).ExitCode.ShouldBe(0);
        (await Lede("records", "import", Repo.Shared("spec/records"))).ExitCode.ShouldBe(0);
        var master = File.ReadAllLines(Path.Combine(_work, "lede.keys")).Single(l => !l.StartsWith('#') && l.Length > 0);
        var box = new SecuredBox(KeyRing.Parse(master, "lede.keys"));
        var db = Path.Combine(_work, "data", "lede.db");
        List<ArticleId> ids;
        await using (var store = StoreFactory.Open(db))
        {
            var stored = await store.ReadRecordsAsync(RecordOrder.Imported, default).Take(3).ToListAsync();
            ids = [.. stored.Select(r => r.Id)];
            for (var i = 0; i < 3; i++)
            {
                // The first two sealed today, bound to their article; the third as Lede sealed before the binding.
                var payload = new SecuredPayload($"Full text {i}.", ["A. Writer"], null);
                var seal = i < 2 ? box.Seal(ids[i], payload) : LegacySeal.Seal(master, payload);
                await store.SaveRecordAsync(ids[i], stored[i].Record with { Secured = seal.Value }, seal, default);
            }
        }

        var before = await Lede("db", "check");
        var oldShown = await Lede("secured", "show", ids[2].ToString());
        Swap(db, ids[0], ids[1]);
        var check = await Lede("db", "check");
        var show = await Lede("secured", "show", ids[0].ToString());
        var rotated = await Lede("keys", "rotate", "--continue");
        var after = await Lede("db", "check");

        before.ExitCode.ShouldBe(0, before.Stdout);
        before.Stdout.ShouldContain($"notice: secured: article {ids[2]}: sealed before id binding");
        before.Stdout.ShouldEndWith("checked 5 articles: 0 problems, 1 notice (MACs verified with 1 key)\n");
        oldShown.ExitCode.ShouldBe(0, oldShown.Stderr);
        oldShown.Stdout.ShouldContain("Full text 2.");
        oldShown.Stderr.ShouldContain("sealed before id binding");
        check.ExitCode.ShouldBe(1);
        foreach (var id in ids[..2])
        {
            check.Stdout.ShouldContain($"secured: article {id}: the MAC does not match under key ");
        }

        show.ExitCode.ShouldNotBe(0);
        show.Stdout.ShouldBeEmpty();
        show.Stderr.ShouldMatch($@"^lede: article {ids[0]}: the MAC does not match under key [0-9a-f]{{12}}: [^\n]*sealed for another article\n$");
        // The swapped pair cannot be opened, so it keeps its key; the old seal is re-sealed, bound.
        rotated.Stdout.ShouldStartWith("re-sealed 1 payloads under key ");
        after.Stdout.ShouldNotContain("notice:");
        after.Stdout.ShouldEndWith("checked 5 articles: 2 problems (MACs verified with 1 key)\n");
    }

    // Two articles' sealed payloads trade places, each intact: only a MAC that names its article can tell.
    private static void Swap(string db, ArticleId a, ArticleId b)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // Read from a copy: a subquery on article itself would see the first row already changed.
        command.CommandText = """
            CREATE TEMP TABLE payload AS SELECT id, secured_ciphertext, secured_iv, secured_key_id, secured_mac FROM article WHERE id IN ($A, $B);
            UPDATE article SET (secured_ciphertext, secured_iv, secured_key_id, secured_mac) =
                (SELECT o.secured_ciphertext, o.secured_iv, o.secured_key_id, o.secured_mac FROM payload o
                 WHERE o.id = CASE WHEN article.id = $A THEN $B ELSE $A END)
            WHERE id IN ($A, $B)
            """;
        command.Parameters.AddWithValue("$A", a.ToInt64());
        command.Parameters.AddWithValue("$B", b.ToInt64());
        command.ExecuteNonQuery();
    }
}

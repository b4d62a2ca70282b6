using System.Globalization;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Lede.EndToEnd.Tests.Crash;

/// <summary>
/// Issue 6, crash safety: <c>lede demo</c> crawls a generated newsroom into SQLite in a child process that is killed with
/// SIGKILL at random moments; after every kill the database opens and checks clean, nothing stored before is gone, and a
/// final crawl stores every item exactly once.
/// </summary>
/// <remarks>
/// <c>LEDE_CRASH_TRIALS</c> (default 6) sets the number of trials, <c>LEDE_CRASH_SEED</c> replays a run (the seed is
/// printed), <c>LEDE_CRASH_HOSTS</c> × <c>LEDE_CRASH_EVENTS</c> (default 8 × 50) the newsroom's size, <c>LEDE_CRASH_LOG</c> a file
/// each trial's line is appended to as it happens.
/// </remarks>
public sealed class SqliteCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("lede-crash-").FullName;

    private string DataFolder => Path.Combine(_work, "data");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Killed_crawls_lose_nothing_committed_and_the_rerun_stores_every_item_once()
    {
        var seed = Setting("LEDE_CRASH_SEED", Environment.TickCount & 0xFFFF);
        var site = GeneratedNewsroom.Write(Path.Combine(_work, "home"), Setting("LEDE_CRASH_HOSTS", 8), Setting("LEDE_CRASH_EVENTS", 50), seed);
        var db = Path.Combine(DataFolder, "lede.db");
        var trials = new CrashTrials(_work, site, db, child => child.KillAsync(), ResetAsync, output);

        var figures = await trials.RunAsync(Setting("LEDE_CRASH_TRIALS", 6), seed);

        figures.ShouldSatisfyAllConditions(
            () => figures.Lost.ShouldBe(0, $"seed {seed}"),
            () => figures.Duplicates.ShouldBe(0, $"seed {seed}"),
            () => figures.Problems.ShouldBe(0, $"seed {seed}"),
            () => figures.Stored.ShouldBe(site.Items, $"seed {seed}"));
        // The trials must have interrupted something, or they tested nothing.
        figures.Interruptions.ShouldBeGreaterThan(0);
        // And a further crawl finds everything already there.
        using var again = ChildIngest.Start(_work, site.Home, db);
        (await again.WaitAsync(TimeSpan.FromMinutes(5))).Stdout.ShouldContain(" 0 new articles");
    }

    private Task ResetAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
        return Task.CompletedTask;
    }

    private static int Setting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

using System.Diagnostics;
using System.Globalization;
using Lede.EndToEnd.Tests.Fixtures;
using Lede.Normalize;
using Lede.Storage;
using Lede.Store;
using Xunit.Abstractions;

namespace Lede.EndToEnd.Tests.Crash;

/// <summary>
/// Issue 6, crash safety on PostgreSQL: while <c>lede demo</c> crawls a generated newsroom into PostgreSQL, the server is
/// restarted (fast shutdown: every connection cut); the crawl reconnects and carries on to its end, nothing stored before
/// is gone, and every item is stored exactly once.
/// </summary>
/// <remarks>
/// Needs <c>LEDE_TEST_POSTGRES_RESTART</c> (set by <c>tools/with-postgres</c>, which <c>make test</c> runs under).
/// <c>LEDE_CRASH_PG_TRIALS</c> (default 3) sets the number of restarts, each in a fresh crawl after a random number of
/// stored articles; <c>LEDE_CRASH_SEED</c> replays a run.
/// </remarks>
[Collection(ServerRestartCollection.Name)]
public sealed class PostgresCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("lede-pgcrash-").FullName;
    private readonly PostgresScratch _database = PostgresScratch.Create();

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Server_restarts_mid_crawl_lose_nothing_and_the_crawl_carries_on()
    {
        var restart = Environment.GetEnvironmentVariable("LEDE_TEST_POSTGRES_RESTART") is { Length: > 0 } command
            ? command
            : throw new InvalidOperationException("LEDE_TEST_POSTGRES_RESTART is not set: run the tests through `make test`, which starts a server it can restart (tools/with-postgres)");
        var seed = Setting("LEDE_CRASH_SEED", Environment.TickCount & 0xFFFF);
        var random = new Random(seed);
        var site = GeneratedNewsroom.Write(Path.Combine(_work, "home"), hosts: 8, events: 40, seed);
        var items = site.ItemUrls.ToHashSet(StringComparer.Ordinal);
        var trials = Setting("LEDE_CRASH_PG_TRIALS", 3);
        int failures = 0, lost = 0, duplicates = 0, problems = 0, incomplete = 0;
        await ChildIngest.EnsureBuiltAsync(_work);
        for (var trial = 1; trial <= trials; trial++)
        {
            _database.Recreate();
            using var child = ChildIngest.Start(_work, site.Home, _database.ConnectionString);
            // A server that is not there when Lede starts is a plain error (a wrong --db, say): restart once it is
            // open, at a random moment among the writes.
            await Task.WhenAny(child.StoreOpen, child.Exited);
            // Odd trials: a random moment of the first seconds (pages being read, look-ups under way); even ones: just
            // after a random batch of articles is committed (the next batch being curated and written).
            if (trial % 2 == 1)
            {
                await Task.WhenAny(child.Exited, Task.Delay(TimeSpan.FromSeconds(0.5 + (random.NextDouble() * 5))));
            }

            var before = await StoredAsync(child, trial % 2 == 1 ? 0 : random.Next(1, items.Count));
            var clock = Stopwatch.StartNew();
            await RunAsync(restart);
            var restarted = clock.Elapsed;
            var run = await child.WaitAsync(TimeSpan.FromMinutes(5));

            var state = await IngestInvariants.CheckAsync(_database.ConnectionString, KeyRing.Load(Path.Combine(_work, "lede.keys")), before, items, default);
            failures += run.ExitCode == 0 ? 0 : 1;
            lost += state.Lost;
            duplicates += state.Duplicates;
            problems += state.Problems.Count;
            incomplete += state.Ids.Count == items.Count ? 0 : 1;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trial {trial}: server restarted ({restarted.TotalSeconds:F1} s) with {before.Count} articles stored; the crawl went on: exit {run.ExitCode}, {state.Ids.Count} of {items.Count} stored, {state.Lost} lost, {state.Duplicates} duplicates, {state.Problems.Count} problems"));
            foreach (var line in state.Problems.Take(10).Append(run.ExitCode == 0 ? "" : run.Stderr).Where(l => l.Length > 0))
            {
                output.WriteLine($"    {line}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}: {trials} server restarts mid-crawl; {failures} crawls failed, {incomplete} incomplete, {lost} lost rows, {duplicates} duplicates, {problems} problems"));
        (failures, incomplete, lost, duplicates, problems).ShouldBe((0, 0, 0, 0, 0), $"seed {seed}");
    }

    /// <summary>Waits until the crawl has stored at least <paramref name="count"/> articles (or ended); returns what is stored.</summary>
    private async Task<IReadOnlySet<ArticleId>> StoredAsync(ChildIngest child, int count)
    {
        await using var store = StoreFactory.Open(_database.ConnectionString);
        var clock = Stopwatch.StartNew();
        while (!child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2) && await store.CountArticlesAsync(default) < count)
        {
            await Task.Delay(25);
        }

        var ids = new HashSet<ArticleId>();
        await foreach (var record in store.ReadRecordsAsync(RecordOrder.Imported, default))
        {
            ids.Add(record.Id);
        }

        return ids;
    }

    private static async Task RunAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await stderr);
    }

    private static int Setting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

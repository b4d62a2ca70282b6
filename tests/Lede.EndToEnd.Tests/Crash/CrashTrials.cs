using System.Globalization;
using Lede.Normalize;
using Lede.Storage;
using Lede.Store;
using Xunit.Abstractions;

namespace Lede.EndToEnd.Tests.Crash;

/// <summary>What a series of interrupted ingests found.</summary>
public sealed record CrashFigures(int Trials, int Interruptions, int Completed, int Lost, int Duplicates, int Problems, int Stored);

/// <summary>
/// Runs an ingest in a child process again and again, interrupting it at random moments (seeded), and checks the database
/// after each interruption; then lets one ingest finish and checks that every item is stored exactly once.
/// </summary>
/// <remarks>
/// Store-neutral: the database is named by its <c>--db</c> value and the interruption is a callback, so the same trials
/// serve SQLite with the child killed (SIGKILL) and PostgreSQL with its server restarted.
/// </remarks>
/// <param name="work">The child's working directory (its key file is created there).</param>
/// <param name="site">The newsroom the child crawls.</param>
/// <param name="db">The <c>--db</c> value.</param>
/// <param name="interrupt">Interrupts a running child (kill it, or restart its database server).</param>
/// <param name="reset">Empties the database for a new round, once an ingest has run to its end.</param>
/// <param name="output">Where each trial's line goes.</param>
public sealed class CrashTrials(string work, GeneratedNewsroom site, string db, Func<ChildIngest, Task> interrupt, Func<Task> reset, ITestOutputHelper output)
{
    /// <value>Default: 10 minutes for the final, uninterrupted ingest.</value>
    private static readonly TimeSpan FinishTimeout = TimeSpan.FromMinutes(10);

    /// <value>Default: 2 minutes, the latest moment an interruption is tried at.</value>
    private static readonly TimeSpan MaxWindow = TimeSpan.FromMinutes(2);

    private static readonly string[] Modes = ["from start ", "after open ", "after write"];

    public async Task<CrashFigures> RunAsync(int trials, int seed)
    {
        var random = new Random(seed);
        var items = site.ItemUrls.ToHashSet(StringComparer.Ordinal);
        var committed = new HashSet<ArticleId>();
        // How long an ingest takes, learnt from the latest that ran to its end.
        var window = TimeSpan.FromSeconds(8);
        int interruptions = 0, completed = 0, lost = 0, duplicates = 0, problems = 0;
        await ChildIngest.EnsureBuiltAsync(work);
        for (var trial = 1; trial <= trials; trial++)
        {
            using var child = ChildIngest.Start(work, site.Home, db);
            // A third of the moments fall anywhere in the run (start-up, migrations, key creation, reading pages), a third
            // after the store is open, a third just after the child's first commit (amid the writes that follow it).
            var mode = random.Next(3);
            var delay = TimeSpan.FromSeconds(random.NextDouble() * (mode == 2 ? 1.5 : window.TotalSeconds));
            if (mode >= 1)
            {
                await Task.WhenAny(child.StoreOpen, Task.Delay(window));
            }

            if (mode == 2 && !child.HasExited)
            {
                await FirstCommitAsync(child, committed.Count, window);
            }

            await Task.WhenAny(child.Exited, Task.Delay(delay));
            var line = string.Create(CultureInfo.InvariantCulture, $"trial {trial,3}: {Modes[mode]} +{delay.TotalSeconds,5:F2} s: ");
            if (child.HasExited)
            {
                var run = await child.WaitAsync(window);
                completed++;
                // The latest whole run is the best guess of the next one's length (the machine's load changes).
                window = child.Elapsed;
                line += $"ran to its end (exit {run.ExitCode}) in {child.Elapsed.TotalSeconds:F1} s; ";
                if (run.ExitCode != 0)
                {
                    // An ingest that fails on what an earlier kill left behind is a problem too.
                    problems++;
                    Say(run.Stderr);
                }
            }
            else
            {
                await interrupt(child);
                interruptions++;
            }

            var state = await IngestInvariants.CheckAsync(db, Keys(), committed, items, default);
            lost += state.Lost;
            duplicates += state.Duplicates;
            problems += state.Problems.Count;
            Say(string.Create(CultureInfo.InvariantCulture,
                $"{line}{state.Ids.Count} stored ({state.Ids.Count - committed.Count(state.Ids.Contains):+0;-0;+0}), {state.Lost} lost, {state.Duplicates} duplicates, {state.Problems.Count} problems"));
            foreach (var problem in state.Problems.Take(10))
            {
                Say($"    {problem}");
            }

            // Nothing new stored: the moment fell before the writes; look further into the run next time.
            window = state.Ids.Count == committed.Count && window < MaxWindow ? window * 1.25 : window;
            committed = [.. state.Ids];
            if (committed.Count == items.Count && trial < trials)
            {
                // Everything is in: start a new round on an empty database so later trials interrupt real work again.
                await reset();
                committed.Clear();
            }
        }

        using (var last = ChildIngest.Start(work, site.Home, db))
        {
            var run = await last.WaitAsync(FinishTimeout);
            Say($"final ingest: exit {run.ExitCode} in {last.Elapsed.TotalSeconds:F1} s: {run.Stdout.Split('\n').LastOrDefault(l => l.Length > 0)}");
            if (run.ExitCode != 0)
            {
                Say(run.Stderr);
                problems++;
            }
        }

        var end = await IngestInvariants.CheckAsync(db, Keys(), committed, items, default);
        lost += end.Lost;
        duplicates += end.Duplicates;
        problems += end.Problems.Count + (end.Ids.Count == items.Count ? 0 : 1);
        foreach (var problem in end.Problems.Take(10))
        {
            Say($"    {problem}");
        }

        var figures = new CrashFigures(trials, interruptions, completed, lost, duplicates, problems, end.Ids.Count);
        Say(string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}: {trials} trials, {interruptions} interruptions, {completed} ran to their end; {lost} lost rows, {duplicates} duplicates, {problems} problems; {end.Ids.Count} of {items.Count} items stored"));
        return figures;
    }

    /// <summary>Waits until the child has committed articles beyond <paramref name="held"/> (or ended, or the window passed).</summary>
    private async Task FirstCommitAsync(ChildIngest child, int held, TimeSpan window)
    {
        await using var store = StoreFactory.Open(db);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!child.HasExited && clock.Elapsed < window * 2 && await store.CountArticlesAsync(default) <= held)
        {
            await Task.Delay(25);
        }
    }

    /// <summary>Writes a line to the test output and, when <c>LEDE_CRASH_LOG</c> names a file, appends it there as it happens (a long run's progress).</summary>
    private void Say(string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("LEDE_CRASH_LOG") is { Length: > 0 } log)
        {
            File.AppendAllText(log, line + "\n");
        }
    }

    private KeyRing? Keys() => KeyRing.Load(Path.Combine(work, "lede.keys"));
}

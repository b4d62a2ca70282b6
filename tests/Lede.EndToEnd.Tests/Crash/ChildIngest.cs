using System.Diagnostics;
using Lede.Tests.Support;

namespace Lede.EndToEnd.Tests.Crash;

/// <summary>One ingest running in a child process (the built command line, started directly so that a kill reaches it).</summary>
/// <remarks>
/// The <c>./lede</c> launcher sets <c>LEDE_HOME</c> to the checkout; the child is started as <c>dotnet Lede.Cli.dll</c>
/// instead, so that it crawls the generated newsroom under the home it is given. Call <see cref="EnsureBuiltAsync"/> first.
/// </remarks>
public sealed class ChildIngest : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly TaskCompletionSource _storeOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ChildIngest(Process process)
    {
        _process = process;
        _stdout = ReadAsync(process.StandardOutput);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Completes once the child has opened (and migrated) the database and starts crawling.</summary>
    public Task StoreOpen => _storeOpen.Task;

    /// <summary>How long the child has been running.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the child has ended, however it ended.</summary>
    public Task Exited => _process.WaitForExitAsync();

    /// <summary>Builds the command line if its sources changed (through the launcher, which holds the build lock).</summary>
    public static async Task EnsureBuiltAsync(string workingDirectory)
    {
        var run = await LedeCli.RunAsync(workingDirectory, "--help");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"building the command line failed: {run.Stderr}");
        }
    }

    /// <summary>The child's process id (what a worker's lease owner names).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts <c>lede demo --db <paramref name="db"/></c> over the newsroom under <paramref name="home"/>.</summary>
    public static ChildIngest Start(string workingDirectory, string home, string db)
        => Start(workingDirectory, home, ["demo", "--db", db]);

    /// <summary>Starts <c>lede worker</c> with <paramref name="args"/>; it reads lede.yml and lede.keys in <paramref name="workingDirectory"/>.</summary>
    public static ChildIngest StartWorker(string workingDirectory, params string[] args)
        => Start(workingDirectory, Repo.Root, ["worker", .. args]);

    private static ChildIngest Start(string workingDirectory, string home, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args.Prepend(Path.Combine(Repo.Root, ".build", "cli", "Lede.Cli.dll")))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["LEDE_HOME"] = home;
        start.Environment["DOTNET_NOLOGO"] = "1";
        return new ChildIngest(Process.Start(start)!);
    }

    /// <summary>Kills the child with SIGKILL (no chance to clean up) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own just before.
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the child to finish on its own.</summary>
    public async Task<CliRun> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException e)
        {
            await KillAsync();
            throw new TimeoutException($"the ingest did not finish within {timeout}", e);
        }

        return new CliRun(_process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose() => _process.Dispose();

    private async Task<string> ReadAsync(StreamReader output)
    {
        var text = new System.Text.StringBuilder();
        while (await output.ReadLineAsync() is { } line)
        {
            // 'lede demo' says it follows the feeds once the store is open and the sources are in it; a worker, that it started.
            if (line.StartsWith("following ", StringComparison.Ordinal) || (line.StartsWith("worker ", StringComparison.Ordinal) && line.EndsWith(" started", StringComparison.Ordinal)))
            {
                _storeOpen.TrySetResult();
            }

            text.Append(line).Append('\n');
        }

        _storeOpen.TrySetResult();
        return text.ToString();
    }
}

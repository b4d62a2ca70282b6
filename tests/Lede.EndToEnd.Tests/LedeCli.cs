using System.Diagnostics;
using Lede.Tests.Support;

namespace Lede.EndToEnd.Tests;

/// <summary>What one run of <c>./lede</c> printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs the <c>./lede</c> launcher the way a user does, from a chosen working directory.</summary>
public static class LedeCli
{
    /// <value>Default: 10 minutes, enough for the launcher's first build on a cold machine.</value>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static async Task<CliRun> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Repo.Root, "lede"))
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException e)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lede {string.Join(' ', args)} did not finish within {Timeout}", e);
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}

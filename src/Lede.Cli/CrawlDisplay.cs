using Lede.Pipeline;
using Lede.Text;
using Spectre.Console;

namespace Lede.Cli;

/// <summary>Shows a crawl as it goes: a progress bar on a terminal, one plain line per source otherwise.</summary>
internal static class CrawlDisplay
{
    /// <summary>Runs <paramref name="crawl"/>, feeding its per-source reports to the display; returns its report.</summary>
    public static async Task<CrawlReport> RunAsync(int sources, Func<Action<SourceReport>, Task<CrawlReport>> crawl, bool verbose)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await crawl(report => PrintLine(report, verbose));
        }

        CrawlReport? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("crawling", maxValue: Math.Max(1, sources));
                int done = 0, added = 0, failed = 0;
                result = await crawl(report =>
                {
                    lock (task)
                    {
                        done++;
                        added += report.NewArticles;
                        failed += report.Failed ? 1 : 0;
                        task.Description = $"sources {done}, new {added}, errors {failed}";
                        task.Value = done;
                    }
                });
                task.Value = task.MaxValue;
            });
        foreach (var report in result!.PerSource.Where(r => r.Failed))
        {
            Console.Error.WriteLine($"lede: {report.Error}");
        }

        return result;
    }

    private static void PrintLine(SourceReport report, bool verbose)
    {
        if (report.Failed)
        {
            Console.Error.WriteLine($"lede: {report.Error}");
        }
        else
        {
            Console.WriteLine($"{LogText.Url(report.Url)}: {report.NewArticles} new, {report.Known} known{(report.Warnings.Count > 0 ? $", {report.Warnings.Count} warnings" : "")}");
        }

        if (verbose)
        {
            foreach (var warning in report.Warnings)
            {
                Console.Error.WriteLine($"  {LogText.Url(report.Url)}: {LogText.Line(warning)}");
            }
        }
    }
}

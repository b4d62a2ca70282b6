using System.Globalization;
using System.Text.RegularExpressions;
using Lede.EndToEnd.Tests.Fixtures;
using Lede.Storage;
using Lede.Store;
using Xunit.Abstractions;

namespace Lede.EndToEnd.Tests;

/// <summary>lede worker: several processes share one PostgreSQL database and a loopback site.</summary>
public sealed partial class WorkerCommandTests(ITestOutputHelper output) : IAsyncLifetime
{
    private WorkerSite _w = null!;

    public async Task InitializeAsync() => _w = await WorkerSite.StartAsync("lede-worker-");

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private Task<CliRun> Lede(params string[] args) => LedeCli.RunAsync(_w.Work, args);

    [Fact]
    public async Task Three_workers_store_every_item_exactly_once()
    {
        var (feeds, links) = GeneratedNewsSite.Write(_w.SiteFolder, _w.Site.BaseAddress, hosts: 10, items: 15, seed: 5);
        (await Lede("keys", "new")).ExitCode.ShouldBe(0);
        foreach (var feed in feeds)
        {
            (await Lede("sources", "add", feed)).ExitCode.ShouldBe(0);
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Lede("worker", "--allow-private", "--until-idle", "--pause", "0.2")));

        foreach (var run in runs)
        {
            run.ExitCode.ShouldBe(0, run.Stderr);
        }

        var added = runs.Select(r => int.Parse(Stopped().Match(r.Stdout).Groups["added"].Value, CultureInfo.InvariantCulture)).ToList();
        output.WriteLine($"new articles per worker: {string.Join(", ", added)}");
        added.Sum().ShouldBe(links.Count);
        await using var store = StoreFactory.Open(_w.Database.ConnectionString);
        var records = await store.ReadRecordsAsync(RecordOrder.Imported, default).Select(r => r.Record).ToListAsync();
        records.Select(r => r.OriginalUrl).Order(StringComparer.Ordinal).ShouldBe(links.Order(StringComparer.Ordinal));
        records.Select(r => r.WebUrl).Distinct(StringComparer.Ordinal).Count().ShouldBe(links.Count);
        records.ShouldContain(r => r.Related.Count > 0);
        var check = await Lede("db", "check");
        check.ExitCode.ShouldBe(0, check.Stdout + check.Stderr);
    }

    [Fact]
    public async Task A_worker_refuses_SQLite()
    {
        var run = await Lede("worker", "--db", "local.db");

        run.ExitCode.ShouldBe(1);
        run.Stderr.ShouldContain("lede worker needs PostgreSQL");
    }

    [GeneratedRegex(@"stopped: (?<added>\d+) new articles", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Stopped();
}

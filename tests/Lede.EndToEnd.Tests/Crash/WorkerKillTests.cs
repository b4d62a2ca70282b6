using System.Diagnostics;
using System.Globalization;
using Lede.EndToEnd.Tests.Fixtures;
using Lede.Storage;
using Lede.Store;
using Npgsql;
using Xunit.Abstractions;

namespace Lede.EndToEnd.Tests.Crash;

/// <summary>
/// Issue 6, workers: a <c>lede worker</c> killed with SIGKILL while it holds leases (on sources it is fetching, or on
/// pages whose articles it is storing) leaves that work to the other workers once the leases lapse, and in the end every
/// item is stored exactly once and <c>lede db check</c> is clean.
/// </summary>
/// <remarks>Two trials: the victim is killed holding source leases, then holding page leases with part of its batch stored.</remarks>
public sealed class WorkerKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <value>Seconds a claim lasts: short, so the test waits little for the dead worker's claims to lapse.</value>
    private const string Lease = "5";

    private WorkerSite _w = null!;

    public async Task InitializeAsync() => _w = await WorkerSite.StartAsync("lede-workerkill-");

    public async Task DisposeAsync() => await _w.DisposeAsync();

    [Theory]
    [InlineData("sources")]
    [InlineData("pages")]
    public async Task A_worker_killed_holding_leases_leaves_its_work_to_the_others_and_every_item_is_stored_once(string holding)
    {
        var (feeds, links) = GeneratedNewsSite.Write(_w.SiteFolder, _w.Site.BaseAddress, hosts: 6, items: 8, seed: 7);
        (await LedeCli.RunAsync(_w.Work, "keys", "new")).ExitCode.ShouldBe(0);
        await using (var store = StoreFactory.Open(_w.Database.ConnectionString))
        {
            foreach (var feed in feeds)
            {
                await store.AddSourceAsync(feed, null, [], default);
            }
        }

        using var victim = ChildIngest.StartWorker(_w.Work, "--allow-private", "--lease", Lease, "--pause", "0.2");
        await Task.WhenAny(victim.StoreOpen, victim.Exited);
        var atKill = await WaitForLeasesAsync(victim, holding);
        await victim.KillAsync();
        var clock = Stopwatch.StartNew();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"killed the worker holding {atKill.Sources} sources and {atKill.Pages} pages, {atKill.Articles} articles stored"));
        (atKill.Sources + atKill.Pages).ShouldBeGreaterThan(0, "the worker was to be killed while it held leases");

        var survivors = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            LedeCli.RunAsync(_w.Work, "worker", "--allow-private", "--until-idle", "--lease", Lease, "--pause", "0.2")));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the two other workers finished {clock.Elapsed.TotalSeconds:F1} s after the kill"));
        foreach (var run in survivors)
        {
            run.ExitCode.ShouldBe(0, run.Stderr);
        }

        await using (var store = StoreFactory.Open(_w.Database.ConnectionString))
        {
            var records = await store.ReadRecordsAsync(RecordOrder.Imported, default).Select(r => r.Record).ToListAsync();
            records.Select(r => r.OriginalUrl).Order(StringComparer.Ordinal).ShouldBe(links.Order(StringComparer.Ordinal));
            records.Select(r => r.WebUrl).Distinct(StringComparer.Ordinal).Count().ShouldBe(links.Count);
            ((long)await store.CountArticlesAsync(default)).ShouldBeGreaterThanOrEqualTo(atKill.Articles);
        }

        Scalar("SELECT count(*) FROM page_queue").ShouldBe(0);
        Scalar("SELECT count(*) FROM source WHERE last_fetched_at IS NULL").ShouldBe(0);
        var check = await LedeCli.RunAsync(_w.Work, "db", "check");
        check.ExitCode.ShouldBe(0, check.Stdout + check.Stderr);
    }

    /// <summary>Polls until the victim holds leases on <paramref name="holding"/> (pages: with part of the batch stored), or it ends; returns what it held.</summary>
    private async Task<(long Sources, long Pages, long Articles)> WaitForLeasesAsync(ChildIngest victim, string holding)
    {
        var owner = $"%:{victim.ProcessId.ToString(CultureInfo.InvariantCulture)}:%";
        var clock = Stopwatch.StartNew();
        (long Sources, long Pages, long Articles) held = default;
        while (!victim.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            held = (Scalar("SELECT count(*) FROM source WHERE lease_owner LIKE @Owner AND lease_until > now()", owner),
                Scalar("SELECT count(*) FROM page_queue WHERE lease_owner LIKE @Owner AND lease_until > now()", owner),
                Scalar("SELECT count(*) FROM article"));
            if (holding == "sources" ? held.Sources > 0 : held.Pages > 0 && held.Articles > 0)
            {
                return held;
            }

            await Task.Delay(5);
        }

        return held;
    }

    private long Scalar(string sql, string? owner = null)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_w.Database.ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        if (owner is not null)
        {
            command.Parameters.AddWithValue("Owner", owner);
        }

        return (long)command.ExecuteScalar()!;
    }
}

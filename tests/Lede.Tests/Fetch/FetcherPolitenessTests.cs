using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>Per-host concurrency and the least delay between requests, counted at the server.</summary>
/// <remarks>Alone: a busy thread pool would delay the server's handlers and blur the gaps it measures.</remarks>
[Collection(nameof(AloneCollection))]
public sealed class FetcherPolitenessTests(HostileServer server) : IClassFixture<HostileServer>
{
    [Fact]
    public async Task No_more_than_the_per_host_limit_run_at_once()
    {
        using var fetcher = Loopback.Fetcher(Loopback.Options with { PerHostConcurrency = 2 });
        var url = server.Url("/count/concurrency?hold=150");

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fetcher.GetAsync(url)));

        var probe = server.ProbeFor("concurrency");
        probe.Hits.ShouldBe(6);
        probe.MostAtOnce.ShouldBe(2);
    }

    [Fact]
    public async Task Requests_to_one_host_start_at_least_the_delay_apart()
    {
        var delay = TimeSpan.FromMilliseconds(250);
        using var fetcher = Loopback.Fetcher(Loopback.Options with { PerHostDelay = delay });
        var url = server.Url("/count/delay");
        // Warm up: a first connection's cost would delay the first request and shrink the gap after it.
        await fetcher.GetAsync(server.Url("/ok"));

        // Concurrent callers are spaced too, not only consecutive ones.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fetcher.GetAsync(url)));

        var starts = server.ProbeFor("delay").Starts.Order().ToList();
        starts.Count.ShouldBe(4);
        // Measured over the whole run rather than per gap: a busy server can start one handler late, which shortens
        // the gap after it without the client having sent early (by up to ~100 ms while other test assemblies run on the
        // same two cores). Without the delay the span is a few milliseconds.
        (starts[^1] - starts[0]).ShouldBeGreaterThanOrEqualTo((3 * delay) - TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task Different_hosts_do_not_wait_for_each_other()
    {
        using var fetcher = Loopback.Fetcher(Loopback.Options with { PerHostDelay = TimeSpan.FromSeconds(5) });
        var byIp = server.Url("/count/hosts");
        var byName = new Uri($"http://localhost:{server.BaseUrl.Port}/count/hosts");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(4)); // well under the 5 s delay

        await fetcher.FetchAsync(new FetchRequest(byIp, FetchKind.Feed), cts.Token);
        await fetcher.FetchAsync(new FetchRequest(byName, FetchKind.Feed), cts.Token);

        server.ProbeFor("hosts").Hits.ShouldBe(2);
    }
}

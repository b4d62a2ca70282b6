using System.Diagnostics;
using Lede.Fetch;
using Xunit.Abstractions;

namespace Lede.Tests.Fetch;

/// <summary>Tests that measure memory and wall time run alone, so other tests' allocations do not blur the figures.</summary>
[CollectionDefinition(nameof(AloneCollection), DisableParallelization = true)]
public sealed class AloneCollection;

/// <summary>Hostile servers: slow headers, slow bodies, gzip bombs and endless bodies all end within the limits.</summary>
[Collection(nameof(AloneCollection))]
public sealed class FetcherLimitTests(HostileServer server, ITestOutputHelper output) : IClassFixture<HostileServer>, IDisposable
{
    private const long Limit = 1024 * 1024;

    private readonly Fetcher _fetcher = Loopback.Fetcher(Loopback.Options with
    {
        TotalTimeout = TimeSpan.FromSeconds(1),
        MaxFeedBytes = Limit,
    });

    // The size limits are not about time: a loaded machine must not turn them into timeouts.
    private readonly Fetcher _patient = Loopback.Fetcher(Loopback.Options with
    {
        TotalTimeout = TimeSpan.FromSeconds(60),
        MaxFeedBytes = Limit,
    });

    public void Dispose()
    {
        _fetcher.Dispose();
        _patient.Dispose();
    }

    [Fact]
    public async Task Headers_later_than_the_total_timeout_time_out()
    {
        var clock = Stopwatch.StartNew();

        var e = await _fetcher.FailAsync(server.Url("/slow-headers"));

        e.Failure.ShouldBe(FetchFailure.Timeout);
        e.IsTransient.ShouldBeTrue();
        e.Message.ShouldEndWith("no complete response within 1 s");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_body_dripping_past_the_total_timeout_times_out()
    {
        var clock = Stopwatch.StartNew();

        var e = await _fetcher.FailAsync(server.Url("/drip"));

        e.Failure.ShouldBe(FetchFailure.Timeout);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_limit_with_bounded_memory()
    {
        // Warm up the connection pool and the JIT so the measured fetch allocates only what reading costs.
        await _patient.GetAsync(server.Url("/gzip"));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var e = await _patient.FailAsync(server.Url("/bomb"));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"gzip bomb of {HostileServer.BombBytes:N0} bytes, limit {Limit:N0}: {allocated:N0} bytes allocated, {clock.ElapsedMilliseconds} ms");
        e.Failure.ShouldBe(FetchFailure.TooLarge);
        e.IsTransient.ShouldBeFalse();
        e.Message.ShouldEndWith("the body is larger than the 1 MiB limit");
        allocated.ShouldBeLessThan(HostileServer.BombBytes / 10, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public async Task An_endless_body_stops_at_the_limit_with_bounded_memory()
    {
        await _patient.GetAsync(server.Url("/ok"));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        var e = await _patient.FailAsync(server.Url("/endless"));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"endless body, limit {Limit:N0}: {allocated:N0} bytes allocated, {clock.ElapsedMilliseconds} ms");
        e.Failure.ShouldBe(FetchFailure.TooLarge);
        allocated.ShouldBeLessThan(8 * Limit, $"{allocated:N0} bytes allocated");
        // TooLarge already says the limit stopped it; the clock only rules out a read that crawled to the limit
        // (a second was too tight for a loaded 2-core machine: it failed once with four builds running).
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading()
    {
        var e = await _fetcher.FailAsync(server.Url("/big-declared"));

        e.Failure.ShouldBe(FetchFailure.TooLarge);
    }

    [Fact]
    public async Task Each_kind_has_its_own_limit()
    {
        using var fetcher = Loopback.Fetcher(Loopback.Options with { MaxPageBytes = 4 });

        (await fetcher.GetAsync(server.Url("/ok"), FetchKind.Feed)).Body.Length.ShouldBe(5);
        (await fetcher.FailAsync(server.Url("/ok"), FetchKind.Page)).Failure.ShouldBe(FetchFailure.TooLarge);
    }

    [Fact]
    public async Task Cancelling_the_caller_token_cancels_rather_than_timing_out()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(
            () => _fetcher.FetchAsync(new FetchRequest(server.Url("/slow-headers"), FetchKind.Feed), cts.Token));
    }

    [Fact]
    public async Task An_image_gives_up_at_the_image_timeout_while_a_feed_keeps_the_total_timeout()
    {
        using var fetcher = Loopback.Fetcher(Loopback.Options with { TotalTimeout = TimeSpan.FromSeconds(60), ImageTimeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var e = await fetcher.FailAsync(server.Url("/drip"), FetchKind.Image);

        e.Failure.ShouldBe(FetchFailure.Timeout);
        e.Message.ShouldEndWith("no complete response within 1 s");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        // The same drip as a feed is still being read long after the image gave up: only the caller's token stops it.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        await Should.ThrowAsync<OperationCanceledException>(() => fetcher.FetchAsync(new FetchRequest(server.Url("/drip"), FetchKind.Feed), cts.Token));
    }
}

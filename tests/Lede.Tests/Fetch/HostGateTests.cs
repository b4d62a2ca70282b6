using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>The per-host gate on a manual clock: the delay is exact and a cancelled waiter gives its place back.</summary>
public sealed class HostGateTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task The_next_request_to_a_host_waits_the_delay_and_no_longer()
    {
        using var gate = new HostGate(concurrency: 2, Delay, _clock);
        (await gate.EnterAsync("example.com", default)).Dispose();

        var second = gate.EnterAsync("example.com", default);
        _clock.Advance(Delay - TimeSpan.FromMilliseconds(1));
        second.IsCompleted.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Another_host_does_not_wait()
    {
        using var gate = new HostGate(concurrency: 2, Delay, _clock);
        using var first = await gate.EnterAsync("example.com", default);

        var other = gate.EnterAsync("example.org", default);

        other.IsCompletedSuccessfully.ShouldBeTrue();
        (await other).Dispose();
    }

    [Fact]
    public async Task Host_names_differing_in_case_share_a_gate()
    {
        using var gate = new HostGate(concurrency: 2, Delay, _clock);
        using var first = await gate.EnterAsync("Example.com", default);

        gate.EnterAsync("example.COM", default).IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_cancelled_waiter_gives_its_place_back()
    {
        using var gate = new HostGate(concurrency: 1, TimeSpan.Zero, _clock);
        var first = await gate.EnterAsync("example.com", default);
        using var cts = new CancellationTokenSource();

        var cancelled = gate.EnterAsync("example.com", cts.Token);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        var third = gate.EnterAsync("example.com", default);
        third.IsCompleted.ShouldBeFalse();
        first.Dispose();
        first.Dispose();

        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await gate.EnterAsync("example.com", default).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_waiter_cancelled_during_the_delay_releases_its_slot()
    {
        using var gate = new HostGate(concurrency: 1, Delay, _clock);
        (await gate.EnterAsync("example.com", default)).Dispose();
        using var cts = new CancellationTokenSource();

        var pacing = gate.EnterAsync("example.com", cts.Token);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => pacing);
        _clock.Advance(Delay);

        (await gate.EnterAsync("example.com", default).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Lede.Fetch;

namespace Lede.Tests.Fetch;

/// <summary>A server that never completes the TCP handshake: the connect timeout ends the wait.</summary>
[Collection(nameof(AloneCollection))]
public sealed class FetcherConnectTests : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly List<Socket> _fillers = [];

    public FetcherConnectTests()
    {
        // A listener that never accepts, with its queue filled: the kernel drops further SYNs, so connecting hangs.
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(0);
        for (var i = 0; i < 4; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _fillers.Add(filler);
            _ = filler.ConnectAsync(_listener.LocalEndPoint!).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }

    [Fact]
    public async Task A_connection_that_never_opens_times_out_at_the_connect_timeout()
    {
        using var fetcher = Loopback.Fetcher(Loopback.Options with
        {
            ConnectTimeout = TimeSpan.FromMilliseconds(500),
            TotalTimeout = TimeSpan.FromSeconds(5),
        });
        var clock = Stopwatch.StartNew();

        var e = await fetcher.FailAsync(new Uri($"http://{_listener.LocalEndPoint}/"));

        e.Failure.ShouldBe(FetchFailure.Timeout);
        e.Message.ShouldEndWith("could not connect within 0.5 s");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_refused_connection_is_a_transient_network_failure()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        using var fetcher = Loopback.Fetcher();

        var e = await fetcher.FailAsync(new Uri($"http://127.0.0.1:{port}/"));

        e.Failure.ShouldBe(FetchFailure.Network);
        e.IsTransient.ShouldBeTrue();
        e.Message.ShouldContain("refused");
    }
}

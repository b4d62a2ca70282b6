using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lede.Tests.Fetch;

/// <summary>A TCP server on 127.0.0.1 that answers every connection with whatever bytes a test writes, however broken.</summary>
/// <remarks>Kestrel will not send a malformed response; this one will. Each connection reads the request head, then runs the answer.</remarks>
public sealed class RawServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Stream, CancellationToken, Task> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    public RawServer(Func<Stream, CancellationToken, Task> answer)
    {
        _answer = answer;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public Uri Url => new($"http://{_listener.LocalEndpoint}/feed");

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>A response head with the given header lines, CRLF line ends and the blank line.</summary>
    public static byte[] Head(params string[] lines) => Encoding.ASCII.GetBytes(string.Concat(lines.Select(l => l + "\r\n")) + "\r\n");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop with one of these.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                await ReadHeadAsync(stream, _stop.Token);
                await _answer(stream, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up first: that is what most of these answers provoke.
            }
        }
    }

    private static async Task ReadHeadAsync(Stream stream, CancellationToken ct)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, ct) == 1)
        {
            seen.Add(one[0]);
            if (seen.Count >= 4 && seen[^1] == '\n' && seen[^2] == '\r' && seen[^3] == '\n' && seen[^4] == '\r')
            {
                return;
            }
        }
    }
}

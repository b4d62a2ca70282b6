using System.Net;
using System.Net.Sockets;

namespace Lede.Fetch;

/// <summary>The SSRF guard: opens every connection itself, to an address it has just checked.</summary>
/// <remarks>
/// It runs as <see cref="SocketsHttpHandler.ConnectCallback"/>, after DNS and before TCP, on the exact addresses
/// being dialled, so a redirect to a private host or a name that re-resolves to one (DNS rebinding) is caught
/// too. Forbidden addresses of a host are skipped; when none is left the connection is refused.
/// </remarks>
/// <param name="whyForbidden">Why an address may not be dialled, or null when it may.</param>
/// <param name="resolve">Resolves a host name (the system's DNS when null); tests give their own to change an address under a running fetcher.</param>
internal sealed class ConnectGuard(Func<IPAddress, string?> whyForbidden, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    /// <summary>A guard that refuses every non-public address.</summary>
    public static ConnectGuard PublicOnly { get; } = new(AddressGuard.WhyNotPublic);

    /// <summary>A guard that lets everything through (private networks allowed).</summary>
    public static ConnectGuard Open { get; } = new(_ => null);

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var (addresses, literal) = await ResolveAsync(host, ct).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var allowed = addresses.Where(a => whyForbidden(a) is null).ToArray();
        if (allowed.Length == 0)
        {
            var why = whyForbidden(addresses[0]);
            throw new AddressBlockedException(literal ? $"{host} is {why}" : $"{host} resolves to {addresses[0]}, which is {why}");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<(IPAddress[] Addresses, bool Literal)> ResolveAsync(string host, CancellationToken ct)
    {
        // An IP literal is checked as written; brackets of an IPv6 literal may or may not be there.
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return ([literal], true);
        }

        return (await (resolve ?? Dns.GetHostAddressesAsync)(host, ct).ConfigureAwait(false), false);
    }
}

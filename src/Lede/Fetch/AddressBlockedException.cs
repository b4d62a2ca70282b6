namespace Lede.Fetch;

/// <summary>Thrown inside the connection step when every address of a host is forbidden; the fetcher turns it into <see cref="FetchFailure.Blocked"/>.</summary>
internal sealed class AddressBlockedException(string host, string reason) : Exception($"{host} is {reason}")
{
    public string Host { get; } = host;
    public string Reason { get; } = reason;
}

namespace Lede.Fetch;

/// <summary>Thrown inside the connection step when every address of a host is forbidden; the fetcher turns it into <see cref="FetchFailure.Blocked"/>.</summary>
/// <param name="what">What was refused and why: "10.0.0.1 is private (10.0.0.0/8)".</param>
internal sealed class AddressBlockedException(string what) : Exception(what);

using System.Collections.Frozen;

namespace Lede.Fetch;

/// <summary>Ports of other protocols that a feed or page URL never legitimately names (mail, SSH, databases, caches…).</summary>
/// <remarks>
/// An HTTP request sent to an SMTP, Redis or memcached port can be read as commands by that service (cross-protocol
/// request forgery), so these are refused like a forbidden scheme, on the first URL and on every redirect. The list is the
/// WHATWG Fetch standard's "bad ports" (what browsers refuse) plus common database, cache and container-API ports.
/// </remarks>
public static class BadPorts
{
    private static readonly FrozenSet<int> Ports = new[]
    {
        // Fetch standard, "bad port".
        0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
        111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
        540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
        6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,

        // Databases, caches, queues and container APIs that speak plain text or answer loosely framed requests.
        1433, 1521, 2375, 2376, 2379, 3306, 5432, 5672, 6379, 9042, 9200, 9300, 11211, 27017,
    }.ToFrozenSet();

    /// <summary>True when <paramref name="port"/> belongs to another protocol and must not be fetched.</summary>
    public static bool Contains(int port) => Ports.Contains(port);
}

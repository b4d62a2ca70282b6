using System.Net;
using System.Net.Sockets;

namespace Lede.Fetch;

/// <summary>Says whether an IP address is on the public internet, the only place Lede fetches from by default.</summary>
/// <remarks>
/// An allowlist for IPv6 (global unicast 2000::/3 only, minus its special blocks) and a blocklist for IPv4.
/// Addresses that carry an IPv4 address inside (IPv4-mapped, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by
/// the IPv4 address they carry, so ::ffff:127.0.0.1 is as private as 127.0.0.1.
/// </remarks>
public static class AddressGuard
{
    private static readonly (uint Network, int Bits, string Why)[] BlockedV4 =
    [
        (V4(0, 0, 0, 0), 8, "in 0.0.0.0/8 (this network)"),
        (V4(10, 0, 0, 0), 8, "private (10.0.0.0/8)"),
        (V4(100, 64, 0, 0), 10, "carrier-grade NAT (100.64.0.0/10)"),
        (V4(127, 0, 0, 0), 8, "loopback"),
        (V4(169, 254, 0, 0), 16, "link-local (169.254.0.0/16)"),
        (V4(172, 16, 0, 0), 12, "private (172.16.0.0/12)"),
        (V4(192, 0, 0, 0), 24, "reserved for IETF protocols (192.0.0.0/24)"),
        (V4(192, 0, 2, 0), 24, "reserved for documentation (192.0.2.0/24)"),
        (V4(192, 88, 99, 0), 24, "a 6to4 relay (192.88.99.0/24)"),
        (V4(192, 168, 0, 0), 16, "private (192.168.0.0/16)"),
        (V4(198, 18, 0, 0), 15, "reserved for benchmarking (198.18.0.0/15)"),
        (V4(198, 51, 100, 0), 24, "reserved for documentation (198.51.100.0/24)"),
        (V4(203, 0, 113, 0), 24, "reserved for documentation (203.0.113.0/24)"),
        (V4(224, 0, 0, 0), 4, "multicast"),
        (V4(240, 0, 0, 0), 4, "reserved (240.0.0.0/4, broadcast included)"),
    ];

    /// <summary>True when Lede may connect to the address with private networks disallowed.</summary>
    public static bool IsPublic(IPAddress address) => WhyNotPublic(address) is null;

    /// <summary>Why the address is not public ("loopback", "private (10.0.0.0/8)", …), or null when it is.</summary>
    public static string? WhyNotPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return WhyNotPublicV4(ToUInt32(address.GetAddressBytes(), 0));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        return WhyNotPublicV6(address.GetAddressBytes());
    }

    private static string? WhyNotPublicV4(uint ip)
    {
        foreach (var (network, bits, why) in BlockedV4)
        {
            var mask = uint.MaxValue << (32 - bits);
            if ((ip & mask) == network)
            {
                return why;
            }
        }

        return null;
    }

    private static string? WhyNotPublicV6(byte[] b)
    {
        // Forms that embed an IPv4 address: the embedded address decides.
        if (StartsWith(b, 80, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) && b[10] == 0xff && b[11] == 0xff)
        {
            return Embedded("IPv4-mapped", ToUInt32(b, 12));
        }

        if (StartsWith(b, 96, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0]))
        {
            return Embedded("NAT64", ToUInt32(b, 12));
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return Embedded("6to4", ToUInt32(b, 2));
        }

        if (b.All(x => x == 0))
        {
            return "unspecified (::)";
        }

        if (StartsWith(b, 120, new byte[15]) && b[15] == 1)
        {
            return "loopback (::1)";
        }

        if ((b[0] & 0xfe) == 0xfc)
        {
            return "unique local (fc00::/7)";
        }

        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        {
            return "link-local (fe80::/10)";
        }

        if (b[0] == 0xff)
        {
            return "multicast (ff00::/8)";
        }

        // Everything outside global unicast (2000::/3) is reserved, site-local, IPv4-compatible or otherwise unused.
        if ((b[0] & 0xe0) != 0x20)
        {
            return "outside IPv6 global unicast (2000::/3)";
        }

        if (StartsWith(b, 32, [0x20, 0x01, 0x0d, 0xb8]))
        {
            return "reserved for documentation (2001:db8::/32)";
        }

        // 2001::/23 holds Teredo (2001::/32, a tunnel to an obfuscated IPv4 address), ORCHID and other
        // protocol blocks; none is a web server's address.
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] < 0x02)
        {
            return "reserved for IETF protocols (2001::/23)";
        }

        return null;
    }

    private static string? Embedded(string form, uint v4)
        => WhyNotPublicV4(v4) is { } why ? $"{form} {why}" : null;

    private static bool StartsWith(byte[] bytes, int bits, byte[] prefix)
    {
        for (var i = 0; i < bits / 8; i++)
        {
            if (bytes[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static uint ToUInt32(byte[] b, int at) => (uint)((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);

    private static uint V4(byte a, byte b, byte c, byte d) => ToUInt32([a, b, c, d], 0);
}

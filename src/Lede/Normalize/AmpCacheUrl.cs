using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lede.Normalize;

/// <summary>Builds AMP cache URLs from AMP page URLs by the amp.dev cache URL rules (algorithms.md section 7).</summary>
public static class AmpCacheUrl
{
    /// <value>Default: Google's cache, <c>cdn.ampproject.org</c>.</value>
    public const string GoogleCache = "cdn.ampproject.org";

    private static readonly IdnMapping Idn = new();

    /// <summary>The cache URL of <paramref name="ampUrl"/>: <c>https://{prefix}.{cache}/c/s/{host}{path}?{query}</c> (<c>/c/</c> for http).</summary>
    public static AmpCacheResult Create(string? ampUrl, string cacheDomain = GoogleCache)
    {
        if (string.IsNullOrWhiteSpace(ampUrl) || !Uri.TryCreate(ampUrl.Trim(), UriKind.Absolute, out var url))
        {
            return new(null, "not an absolute URL");
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return new(null, $"scheme {url.Scheme} has no AMP cache URL");
        }

        var prefix = DomainPrefix(url.Host);
        if (prefix is null)
        {
            return new(null, "host has no AMP cache prefix");
        }

        var host = url.IdnHost.ToLowerInvariant();
        var port = url.IsDefaultPort ? "" : ":" + url.Port.ToString(CultureInfo.InvariantCulture);
        var type = url.Scheme == Uri.UriSchemeHttps ? "/c/s/" : "/c/";
        return new($"https://{prefix}.{cacheDomain}{type}{host}{port}{url.PathAndQuery}", null);
    }

    /// <summary>The cache subdomain for a publisher host (<c>foo-example.com</c> → <c>foo--example-com</c>), or null for no host.</summary>
    public static string? DomainPrefix(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        host = host.Trim().TrimEnd('.').ToLowerInvariant();
        string unicode, ascii;
        try
        {
            ascii = Idn.GetAscii(host).ToLowerInvariant();
            unicode = Idn.GetUnicode(ascii);
        }
        catch (ArgumentException)
        {
            return null;
        }

        // Steps 2–3: '-' → '--' first, then '.' → '-', so the mapping stays reversible.
        var prefix = unicode.Replace("-", "--", StringComparison.Ordinal).Replace('.', '-');

        // Step 4: "--" at positions 3–4 would read as a punycode/reserved label (amphtml#26205).
        if (prefix.Length >= 4 && prefix[2] == '-' && prefix[3] == '-')
        {
            prefix = "0-" + prefix + "-0";
        }

        string encoded;
        try
        {
            encoded = Idn.GetAscii(prefix).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return HashPrefix(ascii);
        }

        return encoded.Length is 0 or > 63 || encoded[0] == '-' || encoded[^1] == '-' ? HashPrefix(ascii) : encoded;
    }

    /// <summary>The fallback: lowercase Base32 of the SHA-256 of the punycode domain, without padding (52 characters).</summary>
    private static string HashPrefix(string asciiDomain)
        => Base32(SHA256.HashData(Encoding.UTF8.GetBytes(asciiDomain)));

    private static string Base32(ReadOnlySpan<byte> data)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var sb = new StringBuilder((data.Length * 8 / 5) + 1);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return sb.ToString();
    }
}

using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Lede.Parse;

/// <summary>Makes feed URLs absolute against xml:base and the feed's own URL.</summary>
internal static class UrlResolver
{
    /// <summary>Characters a relative path may hold for the resolved URL to be a plain concatenation (no escaping, no dot segments).</summary>
    private static readonly SearchValues<char> PlainPathChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?=&");

    // The base of the last resolution on this thread: a feed resolves hundreds of URLs against one or two bases.
    [ThreadStatic]
    private static string? _lastBaseText;

    [ThreadStatic]
    private static BaseUrl? _lastBase;

    /// <summary><paramref name="url"/> resolved against <paramref name="baseUrl"/>; the trimmed input when it cannot be; null for empty.</summary>
    public static string? Resolve(string? baseUrl, string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        url = url.Trim();
        if (HasScheme(url)) return url;
        return baseUrl is not null && TryResolveRelative(baseUrl, url, out var resolved) ? resolved : url;
    }

    /// <summary>A relative <paramref name="url"/> made absolute against an absolute <paramref name="baseUrl"/>, as <see cref="Uri"/> would.</summary>
    public static bool TryResolveRelative(string baseUrl, string url, [NotNullWhen(true)] out string? resolved)
    {
        resolved = null;
        var b = BaseOf(baseUrl);
        if (b is null) return false;
        // "/path" and "path" made of plain characters resolve by concatenation; anything else goes through Uri.
        if (b.IsHttp && url.Length > 0 && !url.AsSpan().ContainsAnyExcept(PlainPathChars) && !url.Contains("/.", StringComparison.Ordinal))
        {
            if (url[0] == '/' && (url.Length == 1 || url[1] != '/'))
            {
                resolved = b.Origin + url;
                return true;
            }

            if (char.IsAsciiLetterOrDigit(url[0]))
            {
                resolved = b.Directory + url;
                return true;
            }
        }

        if (!Uri.TryCreate(b.Uri, url, out var r)) return false;
        resolved = r.AbsoluteUri;
        return true;
    }

    private static BaseUrl? BaseOf(string baseUrl)
    {
        if (ReferenceEquals(baseUrl, _lastBaseText) || baseUrl == _lastBaseText) return _lastBase;
        BaseUrl? parsed = null;
        if (HasScheme(baseUrl) && Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            var path = uri.GetLeftPart(UriPartial.Path);
            parsed = new BaseUrl(uri, uri.Scheme is "http" or "https", uri.GetLeftPart(UriPartial.Authority), path[..(path.LastIndexOf('/') + 1)]);
        }

        (_lastBaseText, _lastBase) = (baseUrl, parsed);
        return parsed;
    }

    /// <summary>True for "scheme:..." (a path like "/a" is not absolute, although .NET on Unix reads it as a file URI).</summary>
    public static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':');
        if (colon < 2) return false;
        for (var i = 0; i < colon; i++)
        {
            var c = url[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
        }

        return char.IsAsciiLetter(url[0]);
    }

    /// <summary>The base for an element: its xml:base resolved against the document base.</summary>
    public static string? BaseOf(XmlNode node, string? documentBase)
        => node.Base is null ? documentBase : Resolve(documentBase, node.Base);

    /// <summary>A parsed base URL with the two prefixes plain relative paths are joined to.</summary>
    private sealed record BaseUrl(Uri Uri, bool IsHttp, string Origin, string Directory);
}

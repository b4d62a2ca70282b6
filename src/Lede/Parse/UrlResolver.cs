namespace Lede.Parse;

/// <summary>Makes feed URLs absolute against xml:base and the feed's own URL.</summary>
internal static class UrlResolver
{
    /// <summary><paramref name="url"/> resolved against <paramref name="baseUrl"/>; the trimmed input when it cannot be; null for empty.</summary>
    public static string? Resolve(string? baseUrl, string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        url = url.Trim();
        if (HasScheme(url)) return url;

        if (baseUrl is not null && HasScheme(baseUrl) && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && Uri.TryCreate(b, url, out var r))
        {
            return r.AbsoluteUri;
        }

        return url;
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
}

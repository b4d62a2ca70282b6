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
        if (JoinPrefix(b, url) is { } prefix)
        {
            resolved = prefix + url;
            return true;
        }

        if (b.Uri is not { } baseUri || !Uri.TryCreate(baseUri, url, out var r)) return false;
        resolved = r.AbsoluteUri;
        return true;
    }

    /// <summary>
    /// What <paramref name="url"/> resolves to by concatenation when it does (<c>prefix + url</c>): a "/path" or "path" of plain
    /// characters against an http(s) base; null when it needs <see cref="Uri"/> or the base is not absolute.
    /// </summary>
    public static string? JoinPrefix(string baseUrl, ReadOnlySpan<char> url) => BaseOf(baseUrl) is { } b ? JoinPrefix(b, url) : null;

    private static string? JoinPrefix(BaseUrl b, ReadOnlySpan<char> url)
        => url.IsEmpty || url.ContainsAnyExcept(PlainPathChars) || url.Contains("/.", StringComparison.Ordinal) ? null : JoinPlain(b, url);

    /// <summary>
    /// As <see cref="JoinPrefix(string, ReadOnlySpan{char})"/> for a <paramref name="url"/> the caller has already found to hold only
    /// <see cref="IsPlainPathChar"/> characters and no "/." (the sanitizer classifies each URL in one pass).
    /// </summary>
    public static string? JoinPlainPrefix(string baseUrl, ReadOnlySpan<char> url)
        => url.IsEmpty || BaseOf(baseUrl) is not { } b ? null : JoinPlain(b, url);

    private static string? JoinPlain(BaseUrl b, ReadOnlySpan<char> url)
    {
        if (!b.IsHttp) return null;
        if (url[0] == '/') return url.Length == 1 || url[1] != '/' ? b.Origin : null;
        return char.IsAsciiLetterOrDigit(url[0]) ? b.Directory : null;
    }

    /// <summary>A character a relative path may hold for joining it to a base to be a plain concatenation.</summary>
    public static bool IsPlainPathChar(char c) => PlainPathChars.Contains(c);

    private static BaseUrl? BaseOf(string baseUrl)
    {
        if (ReferenceEquals(baseUrl, _lastBaseText) || baseUrl == _lastBaseText) return _lastBase;
        var parsed = SimpleBase(baseUrl);
        if (parsed is null && HasScheme(baseUrl) && Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            var path = uri.GetLeftPart(UriPartial.Path);
            parsed = new BaseUrl(baseUrl, uri, uri.Scheme is "http" or "https", uri.GetLeftPart(UriPartial.Authority), path[..(path.LastIndexOf('/') + 1)]);
        }

        (_lastBaseText, _lastBase) = (baseUrl, parsed);
        return parsed;
    }

    /// <summary>
    /// A base Uri would not change: "http(s)://" and a lower-case host name without port or user (a last label starting with a
    /// letter: no IPv4 forms Uri rewrites), a path of plain characters with no dot segment or empty segment, printable ASCII throughout. Read without building a Uri (JSON Feed items each resolve against their own URL).
    /// </summary>
    private static BaseUrl? SimpleBase(string baseUrl)
    {
        var s = baseUrl.AsSpan();
        var schemeLength = s.StartsWith("https://", StringComparison.Ordinal) ? 8 : s.StartsWith("http://", StringComparison.Ordinal) ? 7 : 0;
        if (schemeLength == 0 || s.Length > 2048 || s.ContainsAnyExceptInRange('!', '~') || s.Contains('\\')) return null;
        var hostEnd = s[schemeLength..].IndexOfAny('/', '?', '#');
        hostEnd = hostEnd < 0 ? s.Length : schemeLength + hostEnd;
        var host = s[schemeLength..hostEnd];
        if (host.IsEmpty || host.ContainsAnyExcept(HostChars) || host[0] == '.' || host[^1] == '.' || host.Contains("..", StringComparison.Ordinal)
            || !char.IsAsciiLetter(host[(host.LastIndexOf('.') + 1)..][0])) return null;
        var pathEnd = s[hostEnd..].IndexOfAny('?', '#');
        var path = pathEnd < 0 ? s[hostEnd..] : s.Slice(hostEnd, pathEnd);
        if (path.ContainsAnyExcept(PathChars) || path.Contains("/.", StringComparison.Ordinal) || path.Contains("//", StringComparison.Ordinal)) return null;
        var origin = baseUrl[..hostEnd];
        var directory = path.IsEmpty ? origin + "/" : baseUrl[..(hostEnd + path.LastIndexOf('/') + 1)];
        return new BaseUrl(baseUrl, null, true, origin, directory);
    }

    private static readonly SearchValues<char> HostChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");
    private static readonly SearchValues<char> PathChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/");

    /// <summary>True for "scheme:..." (a path like "/a" is not absolute, although .NET on Unix reads it as a file URI).</summary>
    public static bool HasScheme(string url)
    {
        // One pass that stops at the first character a scheme cannot hold: a path ("/story/1") is decided at its first
        // character, instead of searching the whole URL for a colon first.
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':') return i >= 2 && char.IsAsciiLetter(url[0]);
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')) return false;
        }

        return false;
    }

    /// <summary>The base for an element: its xml:base resolved against the document base.</summary>
    public static string? BaseOf(XmlNode node, string? documentBase)
        => node.Base is null ? documentBase : Resolve(documentBase, node.Base);

    /// <summary>A parsed base URL with the two prefixes plain relative paths are joined to; its Uri made only when a URL needs it.</summary>
    private sealed class BaseUrl(string text, Uri? uri, bool isHttp, string origin, string directory)
    {
        private Uri? _uri = uri;

        public bool IsHttp { get; } = isHttp;
        public string Origin { get; } = origin;
        public string Directory { get; } = directory;

        public Uri? Uri => _uri ??= Uri.TryCreate(text, UriKind.Absolute, out var u) ? u : null;
    }
}

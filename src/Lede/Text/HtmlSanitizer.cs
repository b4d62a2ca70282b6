using System.Buffers;
using Lede.Parse;

namespace Lede.Text;

/// <summary>An allowlist HTML sanitizer: keeps text and safe markup, drops scripts, handlers and unsafe URLs.</summary>
/// <remarks>
/// Output is rebuilt from the allowlist, never spliced from the input: text is escaped, attribute values re-encoded,
/// and every tag opened is closed, so however the input is malformed the output is balanced and means what was checked.
/// </remarks>
public static partial class HtmlSanitizer
{
    /// <summary>Allowed tags nested past this depth are dropped (their text kept): deep trees are an attack, not content.</summary>
    private const int MaxDepth = 64;

    /// <summary>Where plain text stops: markup, references, and what must be escaped or dropped.</summary>
    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&>\0");

    /// <summary>What an attribute value must not carry as is inside double quotes.</summary>
    private static readonly SearchValues<char> AttributeEscapes = SearchValues.Create("&<>\"\0");

    [ThreadStatic]
    private static Buffers? _cachedBuffers;

    /// <summary>In a URL: a character that leaves it to <see cref="SafeUrl"/> (space, control, backslash, a reference).</summary>
    private const byte UrlStop = 1;

    /// <summary>In a URL: a character a relative path joined by concatenation may not hold.</summary>
    private const byte UrlNotPlain = 2;

    /// <summary>In a URL: a character escaped inside a double-quoted attribute value.</summary>
    private const byte UrlEscape = 4;

    /// <summary>The kinds of each ASCII character in a URL (non-ASCII: <see cref="UrlNotPlain"/>), read in one pass per URL.</summary>
    private static readonly byte[] UrlChars = BuildUrlChars();

    private static byte[] BuildUrlChars()
    {
        var kinds = new byte[128];
        for (var c = 0; c < kinds.Length; c++)
        {
            var ch = (char)c;
            var kind = UrlResolver.IsPlainPathChar(ch) ? 0 : UrlNotPlain;
            if (ch <= ' ' || ch is '\\' or '&') kind |= UrlStop;
            if (AttributeEscapes.Contains(ch)) kind |= UrlEscape;
            kinds[c] = (byte)kind;
        }

        return kinds;
    }

    /// <summary>The sanitized fragment, with relative href/src resolved against <paramref name="baseUrl"/>; null when nothing is left.</summary>
    public static string? Sanitize(string? html, string? baseUrl = null)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        // Plain text with nothing to interpret (no markup, reference, '>' or NUL) is already safe HTML.
        if (!html.AsSpan().ContainsAny(TextStops)) return html.Trim();
        return Run(html, baseUrl);
    }

    /// <summary>As <see cref="Sanitize(string?, string?)"/>, reading the HTML where it lies (a feed's buffer) instead of from a string of its own.</summary>
    public static string? Sanitize(ReadOnlySpan<char> html, string? baseUrl)
    {
        var trimmed = html.Trim();
        if (trimmed.IsEmpty) return null;
        if (!trimmed.ContainsAny(TextStops)) return trimmed.ToString();
        return Run(html, baseUrl);
    }

    private static string? Run(ReadOnlySpan<char> html, string? baseUrl)
    {
        // One set of buffers per thread: the builder and stacks are reused from item to item.
        var buffers = _cachedBuffers ?? new Buffers();
        _cachedBuffers = null;
        try
        {
            return new Pass(buffers, html, baseUrl).Sanitize();
        }
        finally
        {
            _cachedBuffers = buffers;
        }
    }

    /// <summary>An absolute http(s) (or mailto) URL, a fragment or a harmless relative one, else null: javascript:, data: and the rest never pass.</summary>
    /// <remarks>Tabs and newlines are removed and control characters trimmed first, as browsers do, so "jav&amp;#x09;ascript:" is seen as "javascript:".</remarks>
    public static string? SafeUrl(string value, string? baseUrl, bool allowMailto)
    {
        ArgumentNullException.ThrowIfNull(value);
        var url = WithoutUrlNoise(value);
        if (url.Length == 0) return null;
        if (url[0] == '#') return Escaped(url);
        // The common case, an absolute http(s) URL without spaces or control characters, needs no parsing.
        if (IsHttp(url) && !url.AsSpan().ContainsAnyInRange('\0', ' ') && !url.Contains('\\', StringComparison.Ordinal)) return url;

        string? resolved = null;
        if (UrlResolver.HasScheme(url))
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute))
            {
                if (allowMailto && absolute.Scheme == Uri.UriSchemeMailto) return absolute.OriginalString == url ? url : absolute.AbsoluteUri;
                resolved = absolute.OriginalString == url ? url : absolute.AbsoluteUri;
            }
        }
        else if (baseUrl is null || !UrlResolver.TryResolveRelative(baseUrl, url, out resolved))
        {
            // Relative with nothing to resolve against: harmless as it stands.
            return url.Contains(':', StringComparison.Ordinal) ? null : Escaped(url);
        }

        return resolved is not null && IsHttp(resolved) ? resolved : null;
    }

    /// <summary>Spaces and control characters percent-encoded, as a browser sends them: a URL kept as written stays one token.</summary>
    private static string Escaped(string url)
    {
        if (!url.AsSpan().ContainsAnyInRange('\0', ' ')) return url;
        var sb = new System.Text.StringBuilder(url.Length + 8);
        foreach (var c in url)
        {
            if (c <= ' ') sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsHttp(string url)
        => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The URL as a browser's URL parser sees it: ASCII tab and newline removed, C0 controls and spaces trimmed.</summary>
    private static string WithoutUrlNoise(string value)
    {
        var url = value.AsSpan().ContainsAny('\t', '\n', '\r') ? value.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal) : value;
        var start = 0;
        var end = url.Length;
        while (start < end && url[start] <= ' ') start++;
        while (end > start && url[end - 1] <= ' ') end--;
        return start == 0 && end == url.Length ? url : url[start..end];
    }
}

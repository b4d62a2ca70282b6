using Lede.Fetch;
using Lede.Text;

namespace Lede.Sources;

/// <summary>Checks a URL a user gives as a source.</summary>
public static class SourceUrl
{
    /// <summary>The longest URL taken as a source: no feed needs more, and a longer one is a mistake or an attack on logs and indexes.</summary>
    /// <value>Default: 2048 characters, what browsers and search engines have long relied on.</value>
    public const int MaxLength = 2048;

    /// <summary>The absolute http(s) URL, or the reason it is not one.</summary>
    public static (Uri? Url, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length > MaxLength)
        {
            return (null, $"'{LogText.Line(trimmed[..80])}…' is {trimmed.Length} characters long, over the limit of {MaxLength}");
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var url))
        {
            return (null, $"'{text}' is not an absolute URL");
        }

        if (url.Scheme is not ("http" or "https"))
        {
            return (null, $"'{text}' is not an http or https URL");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return (null, $"'{LogText.Url(url)}' carries user:password@, which Lede never sends (put the feed behind a URL without it)");
        }

        return BadPorts.Contains(url.Port) ? (null, $"'{text}' names port {url.Port}, which belongs to another protocol") : (url, null);
    }

    /// <summary>The URL as stored, followed by its host in punycode when the host is not plain ASCII, so a look-alike host shows for what it is.</summary>
    /// <remarks>"https://раураl.example/feed" (Cyrillic letters) reads like a Latin name; its punycode, "xn--…", does not.</remarks>
    public static string Display(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return AsciiHost(url) is { } ascii ? $"{url} ({ascii})" : url;
    }

    /// <summary>The host in punycode when the URL's host is not plain ASCII; null otherwise (or when the URL cannot be read).</summary>
    public static string? AsciiHost(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var idn = uri.IdnHost;
        return string.Equals(idn, uri.Host, StringComparison.OrdinalIgnoreCase) ? null : idn;
    }
}

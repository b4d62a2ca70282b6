namespace Lede.Fetch;

/// <summary>The hops of one fetch: where it is now, whether every redirect so far was permanent, loops and the hop limit.</summary>
/// <remarks>Every hop is checked like the first URL: absolute http(s), no user:password, no longer than the URL length limit.</remarks>
internal sealed class RedirectTrail
{
    private readonly Uri _start;
    private readonly int _maxRedirects;
    private readonly int _maxUrlLength;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private bool _permanent = true;

    public RedirectTrail(Uri start, int maxRedirects, int maxUrlLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(start);
        _start = start;
        _maxRedirects = maxRedirects;
        _maxUrlLength = maxUrlLength;
        Check(start);
        Current = start;
        _seen.Add(Key(start));
    }

    /// <summary>The URL to request next (or the one that answered last).</summary>
    public Uri Current { get; private set; }

    /// <summary>How many redirects were followed.</summary>
    public int Count { get; private set; }

    /// <summary>The final URL when every redirect was permanent (301/308) and there was at least one; null otherwise.</summary>
    public Uri? MovedTo => Count > 0 && _permanent ? Current : null;

    public static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    /// <summary>Moves to the redirect's Location, resolved against the current URL.</summary>
    public void Follow(int status, Uri? location)
    {
        if (location is null)
        {
            throw new FetchException(_start, FetchFailure.HttpStatus, $"HTTP {status} redirect from {Current} without a Location", status);
        }

        var next = location.IsAbsoluteUri ? location : new Uri(Current, location);
        if (Count >= _maxRedirects)
        {
            throw new FetchException(_start, FetchFailure.TooManyRedirects, $"more than {_maxRedirects} redirects (the last to {next})", status);
        }

        Check(next);
        if (!_seen.Add(Key(next)))
        {
            throw new FetchException(_start, FetchFailure.RedirectLoop, $"redirect loop: {Current} leads back to {next}", status);
        }

        _permanent &= status is 301 or 308;
        Current = next;
        Count++;
    }

    private void Check(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new FetchException(_start, FetchFailure.Blocked, $"{url} is not an absolute URL");
        }

        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            var where = url == _start ? "" : $" (redirect to {url})";
            throw new FetchException(_start, FetchFailure.Blocked, $"the {url.Scheme}: scheme is not fetched, only http and https{where}");
        }

        if (BadPorts.Contains(url.Port))
        {
            var where = url == _start ? "" : $" (redirect to {url.GetLeftPart(UriPartial.Authority)})";
            throw new FetchException(_start, FetchFailure.Blocked, $"port {url.Port} belongs to another protocol and is not fetched{where}");
        }

        // A redirect can be longer than any URL a source or a feed may give: it meets the same limit.
        if (url.OriginalString.Length > _maxUrlLength || url.AbsoluteUri.Length > _maxUrlLength)
        {
            var length = Math.Max(url.OriginalString.Length, url.AbsoluteUri.Length);
            var where = url == _start ? "" : $" (a redirect from {Current})";
            throw new FetchException(_start, FetchFailure.Blocked, $"URL of {length} characters is over the limit of {_maxUrlLength}; not fetched{where}");
        }

        // Credentials in a URL end up in logs and records, and user@host is a classic way to disguise the host.
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            throw new FetchException(_start, FetchFailure.Blocked, "URLs with user:password@ are not fetched");
        }
    }

    // The fragment never reaches the server, so it does not make a URL new.
    private static string Key(Uri url) => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
}

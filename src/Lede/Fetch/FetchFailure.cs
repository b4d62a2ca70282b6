namespace Lede.Fetch;

/// <summary>Why a fetch gave no usable response.</summary>
public enum FetchFailure
{
    Timeout,
    Network,
    HttpStatus,
    TooLarge,
    /// <summary>Refused before connecting: a private or otherwise forbidden address, or a scheme other than http(s).</summary>
    Blocked,
    TooManyRedirects,
    /// <summary>The site's robots.txt keeps crawlers out of this page (pages only; feeds are meant to be fetched).</summary>
    Disallowed,
    RedirectLoop,
}

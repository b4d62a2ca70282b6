namespace Lede.Fetch;

/// <summary>The one way Lede fetches anything (feeds, pages, images): limits, politeness and the SSRF guard inside.</summary>
public interface IFetcher
{
    /// <summary>GETs the URL; 2xx and 304 return, everything else throws.</summary>
    /// <exception cref="FetchException">No usable response: blocked, timed out, too large, an error status, too many redirects.</exception>
    Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken ct);
}

namespace Lede.Fetch;

/// <summary>Fetches a set of hosts from a local mirror instead of the network: <c>https://host/path</c> → <c>{mirror}/host/path</c>.</summary>
/// <remarks>
/// The demo uses it to crawl the sample newsroom offline while every article keeps its real URL. URLs come back
/// in the real hosts' terms (FinalUrl, MovedTo), so nothing downstream sees the mirror. Hosts outside the set are refused.
/// </remarks>
public sealed class MirrorFetcher(IFetcher inner, Uri mirror, IReadOnlySet<string> hosts) : IFetcher
{
    public async Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        var url = request.Url;
        if (!hosts.Contains(url.Host))
        {
            throw new FetchException(url, FetchFailure.Blocked, $"{url.Host} is not part of the mirror at {mirror}");
        }

        FetchResponse response;
        try
        {
            response = await inner.FetchAsync(request with { Url = ToMirror(url) }, ct).ConfigureAwait(false);
        }
        catch (FetchException e)
        {
            throw new FetchException(url, e.Failure, e.Message, e.Status, e.RetryAfter, e);
        }

        return response with { Url = url, FinalUrl = FromMirror(response.FinalUrl, url), MovedTo = response.MovedTo is { } moved ? FromMirror(moved, url) : null };
    }

    private Uri ToMirror(Uri url) => new(mirror, url.Host + url.PathAndQuery);

    /// <summary>The real URL of a mirror URL; the scheme is the one first asked for (the mirror speaks plain http).</summary>
    private Uri FromMirror(Uri mirrored, Uri original)
    {
        if (mirrored.Authority != mirror.Authority)
        {
            return mirrored;
        }

        // "/host/rest?query" → scheme://host/rest?query
        var path = mirrored.PathAndQuery;
        var slash = path.IndexOf('/', 1);
        var (host, rest) = slash < 0 ? (path[1..], "/") : (path[1..slash], path[slash..]);
        return new Uri($"{original.Scheme}://{host}{rest}");
    }
}

namespace Lede.Fetch;

/// <summary>A usable response: 2xx with its body, or 304 Not Modified.</summary>
/// <param name="Url">The URL asked for.</param>
/// <param name="FinalUrl">Where the redirects (if any) ended.</param>
/// <param name="Status">The final HTTP status (200, 304, …).</param>
/// <param name="Body">The body after content decoding; empty for 304.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="ETag">The ETag to send next time.</param>
/// <param name="LastModified">The Last-Modified to send next time.</param>
/// <param name="MovedTo">Where a 301/308 said the resource now lives for good (only when every hop was permanent); null otherwise.</param>
public sealed record FetchResponse(
    Uri Url,
    Uri FinalUrl,
    int Status,
    byte[] Body,
    string? ContentType,
    string? ETag,
    string? LastModified,
    Uri? MovedTo)
{
    public bool NotModified => Status == 304;
}

using Lede.Text;

namespace Lede.Fetch;

/// <summary>A fetch that produced no usable response.</summary>
public sealed class FetchException(Uri url, FetchFailure failure, string detail, int? status = null, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"Fetching {LogText.Url(url)} failed: {LogText.Line(detail)}", inner)
{
    public Uri Url { get; } = url;
    public FetchFailure Failure { get; } = failure;
    public int? Status { get; } = status;
    /// <summary>How long the server asked us to wait (429/503 Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
    /// <summary>True when trying later may succeed; false marks the source as failing.</summary>
    public bool IsTransient => Failure is FetchFailure.Timeout or FetchFailure.Network || Status is 408 or 429 or >= 500;
}

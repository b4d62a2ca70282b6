using System.Net.Http.Headers;

namespace Lede.Fetch;

/// <summary>Reads a Retry-After header: delta seconds or an HTTP date.</summary>
public static class RetryAfter
{
    /// <summary>How long the server asked to wait, from now; null when the header is absent or unreadable.</summary>
    /// <remarks>A date in the past means "now": zero, never negative.</remarks>
    public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>How long a raw Retry-After value asks to wait, from now; null when it is neither seconds nor an HTTP date.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
        => RetryConditionHeaderValue.TryParse(value?.Trim(), out var header) ? From(header, now) : null;
}

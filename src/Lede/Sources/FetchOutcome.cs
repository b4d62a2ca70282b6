using Lede.Fetch;

namespace Lede.Sources;

/// <summary>How one fetch of a source went, as the scheduler needs to know it.</summary>
public abstract record FetchOutcome
{
    private FetchOutcome()
    {
    }

    /// <summary>A feed was fetched and parsed; <paramref name="ItemTimes"/> are its items' publication times, for the posting rate.</summary>
    public sealed record Fetched(FetchResponse Response, IReadOnlyList<DateTime> ItemTimes) : FetchOutcome;

    /// <summary>304: nothing new since the validators we sent.</summary>
    public sealed record NotModified(FetchResponse Response) : FetchOutcome;

    /// <summary>No usable response.</summary>
    public sealed record FetchFailed(FetchException Error) : FetchOutcome;

    /// <summary>A response that is not a feed Lede can read.</summary>
    public sealed record ParseFailed(FetchResponse Response, string Error) : FetchOutcome;
}

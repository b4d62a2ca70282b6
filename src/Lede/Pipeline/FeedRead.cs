using Lede.Parse;
using Lede.Sources;

namespace Lede.Pipeline;

/// <summary>One source fetched and parsed: how the fetch went (for the scheduler), the feed when there is one, and what was repaired or wrong.</summary>
public sealed record FeedRead(FetchOutcome Outcome, Feed? Feed, IReadOnlyList<string> Warnings, string? Error);

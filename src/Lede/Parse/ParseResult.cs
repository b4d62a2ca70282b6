namespace Lede.Parse;

/// <summary>What a reader found in a feed, and what it had to repair on the way.</summary>
/// <param name="Feed">The feed, or null when nothing usable could be read.</param>
/// <param name="Warnings">Every recovery, in the order met.</param>
/// <param name="Error">Why there is no feed (one line), when <paramref name="Feed"/> is null.</param>
public sealed record ParseResult(Feed? Feed, IReadOnlyList<ParseWarning> Warnings, string? Error = null);

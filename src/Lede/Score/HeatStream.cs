namespace Lede.Score;

/// <summary>What heat needs to know about the stream as a whole.</summary>
/// <param name="HistoryStart">When the engine first saw the stream (its first crawl), or null when it never has.</param>
/// <param name="ProvidersPerHour">The baseline λ: how many providers a story gains per hour, from <see cref="HeatBaseline"/>.</param>
public sealed record HeatStream(DateTimeOffset? HistoryStart, double ProvidersPerHour);

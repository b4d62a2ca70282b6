namespace Lede.Score;

/// <summary>What editors decided about one provider's articles so far.</summary>
/// <param name="Published">Articles an editor published.</param>
/// <param name="Rejected">Articles an editor rejected.</param>
public sealed record ProviderDecisions(int Published, int Rejected);

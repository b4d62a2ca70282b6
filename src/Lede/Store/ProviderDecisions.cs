namespace Lede.Store;

/// <summary>How a provider's articles fared with editors (each article counted by its newest decision).</summary>
public sealed record ProviderDecisions(int Published, int Rejected);

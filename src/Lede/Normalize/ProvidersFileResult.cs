namespace Lede.Normalize;

/// <summary>The entries read from a providers file and what was wrong with the rest.</summary>
public sealed record ProvidersFileResult(IReadOnlyList<ProviderEntry> Entries, IReadOnlyList<string> Warnings);

namespace Lede.Normalize;

/// <summary>One line of the providers file: a domain, its display name and an optional quality tier (1 best … 5).</summary>
public sealed record ProviderEntry(string Domain, string Name, int? Tier);

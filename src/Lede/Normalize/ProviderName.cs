namespace Lede.Normalize;

/// <summary>A provider's display name and registrable domain, with where the name came from.</summary>
/// <param name="Name">The display name.</param>
/// <param name="Domain">Registrable domain (ASCII), or the host itself when it has none (IP, single label).</param>
/// <param name="Source">Which evidence gave the name.</param>
/// <param name="Tier">The providers file's quality tier, 1–5, when it gives one.</param>
public sealed record ProviderName(string Name, string Domain, ProviderNameSource Source, int? Tier);

namespace Lede.Records;

/// <summary>The publisher of an article as a record names it.</summary>
/// <param name="Name">The provider's display name, as received.</param>
/// <param name="Domain">The provider's registrable domain.</param>
public sealed record ProviderRef(string Name, string Domain);

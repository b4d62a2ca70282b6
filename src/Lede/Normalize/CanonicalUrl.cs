namespace Lede.Normalize;

/// <summary>A canonical article URL, or null with the reason the input had none.</summary>
public sealed record CanonicalUrl(string? Url, string? Problem);

namespace Lede.Normalize;

/// <summary>An AMP cache URL, or why none could be made.</summary>
public sealed record AmpCacheResult(string? Url, string? Problem);

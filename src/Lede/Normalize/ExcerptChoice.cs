namespace Lede.Normalize;

/// <summary>The chosen excerpt, where it came from, and why the description was refused when it was.</summary>
public sealed record ExcerptChoice(string Text, ExcerptSource Source, string? Reason);

namespace Lede.Pipeline;

/// <summary>The article this one copies and the evidence.</summary>
public sealed record CopyReason(string Of, string Method, double Similarity, string Why);

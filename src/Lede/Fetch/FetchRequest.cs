namespace Lede.Fetch;

/// <summary>One GET, conditional when the validators of the last response are given.</summary>
public sealed record FetchRequest(Uri Url, FetchKind Kind, string? ETag = null, string? LastModified = null);

namespace Lede.Parse;

/// <summary>An author or contributor.</summary>
public sealed record FeedPerson(string? Name, string? Email);

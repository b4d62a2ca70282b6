namespace Lede.Parse;

/// <summary>An author or contributor: a name, an email, a home page (Atom uri, JSON Feed url); any of them may be missing.</summary>
public sealed record FeedPerson(string? Name, string? Email, string? Uri = null);

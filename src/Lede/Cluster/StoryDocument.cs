namespace Lede.Cluster;

/// <summary>One article as the story clusterer sees it: what is known of its text, time and origin.</summary>
/// <param name="Id">The article's id, echoed in <see cref="StoryClusterer.Members"/>.</param>
/// <param name="Title">The headline, when known.</param>
/// <param name="Text">Lead or excerpt and body, whatever is known; may be empty.</param>
/// <param name="Published">Publication time (UTC); null when unknown, which switches the time features off.</param>
/// <param name="Provider">The outlet, when known.</param>
/// <param name="Url">The article's address, when known.</param>
public sealed record StoryDocument(string Id, string? Title, string Text, DateTime? Published, string? Provider, string? Url);

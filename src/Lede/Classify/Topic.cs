namespace Lede.Classify;

/// <summary>One topic of a taxonomy: what it is called, what says an article is about it, and what says it is not.</summary>
/// <param name="Name">The label written into records, e.g. <c>Computer Vision</c>.</param>
/// <param name="Description">One line for people; not used for matching.</param>
/// <param name="Phrases">Weighted phrases; each match adds its weight to the topic's rule evidence.</param>
/// <param name="Exclusions">Phrases that veto the topic's rules when present (e.g. "vision statement").</param>
/// <param name="Parent">The broader topic this one implies (Computer Vision ⇒ AI), or null.</param>
public sealed record Topic(string Name, string Description, IReadOnlyList<TopicPhrase> Phrases, IReadOnlyList<string> Exclusions, string? Parent);

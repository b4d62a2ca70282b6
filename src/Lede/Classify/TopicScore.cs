namespace Lede.Classify;

/// <summary>How strongly an article belongs to one topic, and why.</summary>
/// <param name="Topic">The topic's name.</param>
/// <param name="Score">0..1; higher is more certain.</param>
/// <param name="Reasons">Human-readable evidence: phrases that fired, model terms, implied children.</param>
public sealed record TopicScore(string Topic, double Score, IReadOnlyList<string> Reasons);

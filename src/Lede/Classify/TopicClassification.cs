namespace Lede.Classify;

/// <summary>The topics an article gets, and every topic's combined score with the reasons behind it.</summary>
/// <param name="Labels">The assigned topics, parents included, highest score first.</param>
/// <param name="Scores">Every topic with any evidence, highest first.</param>
public sealed record TopicClassification(IReadOnlyList<string> Labels, IReadOnlyList<TopicScore> Scores);

namespace Lede.Classify;

/// <summary>A trained model, or null when the documents could not make one, and what was wrong with them.</summary>
public sealed record TopicTrainResult(TopicModel? Model, IReadOnlyList<string> Warnings);

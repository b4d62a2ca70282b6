namespace Lede.Classify;

/// <summary>A text to classify or learn from: an article's id, title and text, and its labels when known.</summary>
public sealed record TopicDocument(string Id, string Title, string Text, IReadOnlyList<string> Labels);

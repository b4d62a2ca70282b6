namespace Lede.Classify;

/// <summary>A phrase whose presence is evidence for a topic, matched on whole words, case-insensitively.</summary>
/// <param name="Text">The phrase as written, e.g. <c>facial recognition</c>.</param>
/// <param name="Weight">Evidence per match; 1 is a hint, 3 or more alone makes the label.</param>
public sealed record TopicPhrase(string Text, double Weight);

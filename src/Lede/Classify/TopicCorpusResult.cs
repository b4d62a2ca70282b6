namespace Lede.Classify;

/// <summary>Documents read from a corpus or a JSON Lines file, and one warning per line or file that was skipped.</summary>
public sealed record TopicCorpusResult(IReadOnlyList<TopicDocument> Documents, IReadOnlyList<string> Warnings);

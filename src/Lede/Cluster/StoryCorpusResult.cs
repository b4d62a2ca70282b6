namespace Lede.Cluster;

/// <summary>The readable lines of a story corpus and a warning naming each line that was skipped or repaired.</summary>
public sealed record StoryCorpusResult(IReadOnlyList<StoryCorpusEntry> Entries, IReadOnlyList<string> Warnings);

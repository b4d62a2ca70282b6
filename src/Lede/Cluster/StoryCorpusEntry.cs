namespace Lede.Cluster;

/// <summary>One readable line of a story corpus: the document, its gold cluster when the line has one, and its line number.</summary>
public sealed record StoryCorpusEntry(StoryDocument Document, string? Cluster, int Line);

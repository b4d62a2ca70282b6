namespace Lede.Cluster;

/// <summary>The second join check's outcome: the distinctive entities and title terms shared with the best story.</summary>
internal sealed record JoinCheck(bool Passed, IReadOnlyList<string> SharedEntities, IReadOnlyList<string> SharedTitleTerms, string Reason);

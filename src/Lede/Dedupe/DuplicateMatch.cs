namespace Lede.Dedupe;

/// <summary>An article found to duplicate an earlier one: which, by what test, how similar, and in words why.</summary>
/// <param name="OfId">Id of the earlier, indexed article.</param>
/// <param name="Method">The test that matched.</param>
/// <param name="Similarity">The test's measure, 0–1 (1 for exact matches).</param>
/// <param name="Why">One line for logs and <c>lede explain</c>.</param>
public sealed record DuplicateMatch(string OfId, DuplicateMethod Method, double Similarity, string Why);

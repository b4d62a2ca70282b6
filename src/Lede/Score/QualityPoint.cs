namespace Lede.Score;

/// <summary>One rule of the quality score that fired: its name, the points it gave and why, in words an editor reads.</summary>
/// <param name="Rule">A stable rule name (<c>source-prior</c>, <c>clickbait</c>…).</param>
/// <param name="Points">What the rule added (negative: took away); 0 for rules that only tag.</param>
/// <param name="Why">One line saying what was seen.</param>
public sealed record QualityPoint(string Rule, int Points, string Why);

namespace Lede.Score;

/// <summary>How hot a story is: 0 (known and cold) to 100, or −1 when it cannot be known, with the parts behind it.</summary>
/// <param name="Value">0–100, or −1 for unknown.</param>
/// <param name="Parts">One line per part of the formula, or the one reason the heat is unknown.</param>
public sealed record Heat(int Value, IReadOnlyList<string> Parts)
{
    /// <summary>The value that means "not known": never 0, which means known and cold.</summary>
    public const int Unknown = -1;

    /// <summary>True when the heat could not be known.</summary>
    public bool IsUnknown => Value == Unknown;
}

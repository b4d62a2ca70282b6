namespace Lede.Normalize;

/// <summary>Where an excerpt came from.</summary>
public enum ExcerptSource
{
    None,
    Description,
    Lead,
}

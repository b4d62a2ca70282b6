namespace Lede.Store;

/// <summary>What a save did.</summary>
public enum SaveOutcome
{
    /// <summary>A new article.</summary>
    Inserted,
    /// <summary>A known article whose record changed.</summary>
    Updated,
    /// <summary>A known article, already exactly so; nothing was written.</summary>
    Unchanged,
}

namespace Lede.Store;

/// <summary>The order of articles in an export.</summary>
public enum RecordOrder
{
    /// <summary>The order in which Lede first stored them.</summary>
    Imported,
    /// <summary>By publication time, oldest first; ties in stored order.</summary>
    Published,
    /// <summary>By publication time, newest first; ties newest stored first.</summary>
    Newest,
}

namespace Lede.Store;

/// <summary>A page waiting to be read: its link and what its feed said about it (opaque to the store).</summary>
public sealed record QueuedPage(long Id, long SourceId, string Link, string Item);

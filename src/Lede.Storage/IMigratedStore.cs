namespace Lede.Storage;

/// <summary>A store that brought its database up to date when it opened, and says how many migrations that took (for <c>lede db migrate</c>).</summary>
public interface IMigratedStore
{
    /// <summary>How many migration scripts opening this store applied; 0 when the database was already current.</summary>
    int MigrationsApplied { get; }
}

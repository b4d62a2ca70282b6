namespace Lede.Store;

/// <summary>The database could not grow (its disk is full, or it reached its size limit): the write that hit it was rolled back whole, and what was committed before is kept.</summary>
/// <param name="database">The database, named as the user gave it (a file path, or the PostgreSQL server and database).</param>
/// <param name="inner">The database's own error.</param>
public sealed class StoreFullException(string database, Exception? inner = null)
    : IOException($"{database}: disk full: the database cannot grow, so the write was rolled back (everything committed before is kept); free space and run the command again", inner)
{
    /// <summary>The database that is full.</summary>
    public string Database { get; } = database;
}

using Dapper;
using Microsoft.Data.Sqlite;

namespace Lede.Storage.Sqlite;

public sealed partial class SqliteStore
{
    // The smallest rowid among the articles holding one of the facets: each list's first entry, the least of them.
    private const string FirstFacetSql = """
        SELECT rowid FROM article_search WHERE article_search MATCH CAST(@Match AS TEXT) ORDER BY rowid LIMIT 1
        """;

    // The largest: each list's last entry.
    private const string LastFacetSql = """
        SELECT rowid FROM article_search WHERE article_search MATCH CAST(@Match AS TEXT) ORDER BY rowid DESC LIMIT 1
        """;

    // The newest matches, counted without scoring them: the oldest of them is where the ranked matches begin.
    private const string NewestMatchesSql = """
        SELECT COUNT(*), MIN(rowid) FROM (SELECT rowid FROM article_search WHERE article_search MATCH CAST(@Match AS TEXT)
        AND rowid >= @Floor ORDER BY rowid DESC LIMIT @Ranked)
        """;

    // The same walk through the articles below @Top: it counts only the matches published since.
    private const string NewestSinceSql = """
        SELECT f.rowid FROM article_search f JOIN article a ON a.seq = f.rowid
        WHERE article_search MATCH CAST(@Match AS TEXT) AND f.rowid >= @Floor AND f.rowid < @Top AND a.published_at >= @Since
        ORDER BY f.rowid DESC LIMIT 1 OFFSET @Offset
        """;

    /// <summary>Where the ranked matches begin: the oldest of the newest <paramref name="ranked"/> that pass the since filter.</summary>
    /// <remarks>
    /// Rows stored after every article published on or before since's day all pass: they are walked in the index alone.
    /// Only when too few match there does the walk go on below, looking up each match's publication time.
    /// </remarks>
    private static long RankedFrom(SqliteConnection connection, SqliteTransaction tx, string match, long floor, int ranked, string? since, SinceBound bound)
    {
        var top = since is null ? floor : Math.Max(floor, bound.Clear);
        var (count, oldest) = connection.QuerySingle<(long, long?)>(NewestMatchesSql, new { Match = match, Floor = top, Ranked = ranked }, tx);
        if (count >= ranked)
        {
            return oldest ?? top;
        }

        if (since is null || top <= floor)
        {
            return floor;
        }

        return connection.ExecuteScalar<long?>(
            NewestSinceSql, new { Match = match, Floor = floor, Top = top, Offset = ranked - count - 1, Since = since }, tx) ?? floor;
    }

    /// <summary>
    /// How a since filter bounds the walk down the stored order, exact whatever order articles were stored in: the date
    /// facets name every article published in a month or on a day, and their lists give the smallest or largest rowid.
    /// </summary>
    private static SinceBound BoundSince(SqliteConnection connection, SqliteTransaction tx, DateTime since)
    {
        // Two subqueries: each is one step down the publication-time index, where MIN and MAX together would scan.
        var (first, last) = connection.QuerySingle<(string?, string?)>(
            "SELECT (SELECT MIN(published_at) FROM article), (SELECT MAX(published_at) FROM article)", transaction: tx);
        var at = StoredTime.Format(since);
        if (first is null || last is null || string.CompareOrdinal(last, at) < 0)
        {
            return new SinceBound(None: true, All: false, long.MaxValue, long.MaxValue);
        }

        if (string.CompareOrdinal(first, at) >= 0)
        {
            return SinceBound.Everything;
        }

        // The oldest stored article published in since's month or later: no article older than it passes.
        var floor = long.MinValue;
        if (Fts5Query.From(since, StoredTime.Parse(last).Year) is { } from)
        {
            var oldest = connection.ExecuteScalar<long?>(FirstFacetSql, new { Match = Fts5Query.Facets(from) }, tx);
            if (oldest is null)
            {
                return new SinceBound(None: true, All: false, long.MaxValue, long.MaxValue);
            }

            floor = oldest.Value;
        }

        // The newest stored article published on or before since's day: every article stored after it passes.
        var clear = long.MaxValue;
        if (Fts5Query.Through(since, StoredTime.Parse(first).Year) is { } through)
        {
            var newest = connection.ExecuteScalar<long?>(LastFacetSql, new { Match = Fts5Query.Facets(through) }, tx);
            clear = newest is { } n ? n + 1 : long.MinValue;
        }

        return new SinceBound(None: false, All: false, floor, clear);
    }

    /// <summary>A since filter's bounds on the stored order.</summary>
    /// <param name="None">No article is published since.</param>
    /// <param name="All">Every article is: no filter.</param>
    /// <param name="Floor">No article stored before this rowid is published since.</param>
    /// <param name="Clear">Every article stored from this rowid on is published since.</param>
    private readonly record struct SinceBound(bool None, bool All, long Floor, long Clear)
    {
        public static SinceBound Everything => new(None: false, All: true, long.MinValue, long.MinValue);
    }
}

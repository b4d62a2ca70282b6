using Lede.Normalize;
using Lede.Storage;
using Lede.Store;
using Microsoft.Data.Sqlite;

namespace Lede.EndToEnd.Tests.Crash;

/// <summary>
/// Checks a database an ingest was interrupted in, through the store contract, so the same checks serve SQLite and
/// PostgreSQL: it opens, its own check finds nothing, nothing seen stored earlier is gone, one article per item, related
/// links point at stored articles both ways, every sealed payload verifies and opens.
/// </summary>
public static class IngestInvariants
{
    /// <param name="db">The <c>--db</c> value.</param>
    /// <param name="keys">The key ring the ingest sealed with; null skips opening payloads.</param>
    /// <param name="committed">Articles seen stored after earlier interruptions.</param>
    /// <param name="items">The canonical URL of every item the ingest may store.</param>
    /// <param name="ct">Cancels the checks.</param>
    public static async Task<IngestState> CheckAsync(string db, KeyRing? keys, IReadOnlySet<ArticleId> committed, IReadOnlySet<string> items, CancellationToken ct)
    {
        var problems = new List<string>();
        await using var store = StoreFactory.Open(db);
        try
        {
            problems.AddRange((await store.CheckAsync(keys, ct)).Select(p => $"db check: {p}"));
        }
        catch (NotSupportedException)
        {
            // A store without its own check yet: the database engine's checks stand in.
            problems.AddRange(EngineChecks(db));
        }

        var records = new List<StoredRecord>();
        await foreach (var record in store.ReadRecordsAsync(RecordOrder.Imported, ct))
        {
            records.Add(record);
        }

        var ids = new HashSet<ArticleId>();
        var byUrl = new Dictionary<string, StoredRecord>(StringComparer.Ordinal);
        var duplicates = 0;
        var box = keys is null ? null : new SecuredBox(keys);
        foreach (var stored in records)
        {
            if (!ids.Add(stored.Id) || !byUrl.TryAdd(stored.Record.WebUrl, stored))
            {
                duplicates++;
            }

            if (!items.Contains(stored.Record.WebUrl))
            {
                problems.Add($"article {stored.Id}: {stored.Record.WebUrl} is no item of the ingest");
            }

            problems.AddRange(PayloadProblems(stored, box));
        }

        foreach (var stored in records)
        {
            foreach (var related in stored.Record.Related)
            {
                if (!byUrl.TryGetValue(related.WebUrl, out var other))
                {
                    problems.Add($"article {stored.Id}: related {related.WebUrl} is not stored");
                }
                else if (!other.Record.Related.Any(r => r.WebUrl == stored.Record.WebUrl))
                {
                    problems.Add($"article {stored.Id}: related {related.WebUrl} does not list it back");
                }
            }
        }

        var count = await store.CountArticlesAsync(ct);
        if (count != records.Count)
        {
            problems.Add($"the store counts {count} articles but reads {records.Count}");
        }

        return new IngestState(ids, committed.Count(id => !ids.Contains(id)), duplicates, problems);
    }

    private static IEnumerable<string> PayloadProblems(StoredRecord stored, SecuredBox? box)
    {
        if (stored.Record.Secured is null)
        {
            yield break;
        }

        if (stored.Seal is null)
        {
            yield return $"article {stored.Id}: a payload sealed during the ingest lost its key id and MAC";
            yield break;
        }

        string? error = null;
        try
        {
            box?.Open(stored.Id, stored.Seal);
        }
        catch (SecuredPayloadException e)
        {
            error = e.Message;
        }

        if (error is not null)
        {
            yield return $"article {stored.Id}: payload does not open: {error}";
        }
    }

    /// <summary>SQLite's integrity and foreign-key checks; nothing for a server database (its own check covers it).</summary>
    private static List<string> EngineChecks(string db)
    {
        if (StoreFactory.IsPostgres(db))
        {
            return [];
        }

        var problems = new List<string>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using (var integrity = connection.CreateCommand())
        {
            integrity.CommandText = "PRAGMA integrity_check";
            using var reader = integrity.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetString(0) != "ok")
                {
                    problems.Add($"integrity_check: {reader.GetString(0)}");
                }
            }
        }

        using var foreignKeys = connection.CreateCommand();
        foreignKeys.CommandText = "PRAGMA foreign_key_check";
        using (var reader = foreignKeys.ExecuteReader())
        {
            while (reader.Read())
            {
                problems.Add($"foreign_key_check: a row of {reader.GetString(0)} refers to a missing row of {reader.GetString(2)}");
            }
        }

        return problems;
    }
}

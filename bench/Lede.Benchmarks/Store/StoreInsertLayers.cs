using System.Diagnostics;
using System.Globalization;
using Lede.Storage.Sqlite;
using Lede.Store;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lede.Benchmarks.Store;

/// <summary>
/// Splits the SQLite insert cost by layer: the same pre-generated articles through the whole store, then their article
/// rows alone through raw SQLitePCL calls and through a prepared <see cref="SqliteCommand"/>, durable and not.
/// </summary>
/// <remarks>Generation and sealing happen before any clock starts, so each figure is the store's (or the layer's) own.</remarks>
internal static class StoreInsertLayers
{
    private const string ArticleSql = """
        INSERT INTO article (id, seq, category, title, excerpt, published_at, original_url, web_url, web_url_hash, amp_web_url,
                             cdn_amp_web_url, type, quality, heat, published, provider_domain, provider_name, secured_ciphertext, secured_iv, secured_key_id,
                             secured_mac, secured_verified, body, story_id, duplicate_of, explain, first_seen_at, updated_at)
        VALUES ($Id, $Seq, $Category, $Title, $Excerpt, $PublishedAt, $OriginalUrl, $WebUrl, $WebUrlHash, $AmpWebUrl, $CdnAmpWebUrl, $Type, $Quality,
                $Heat, $Published, $ProviderDomain, $ProviderName, $SecuredCiphertext, $SecuredIv, $SecuredKeyId, $SecuredMac, 1, $Body,
                $Story, NULL, $Explain, $Now, $Now)
        """;

    private const string UpsertSql = """

        ON CONFLICT (id) DO UPDATE SET
            category = excluded.category, title = excluded.title, excerpt = excluded.excerpt, published_at = excluded.published_at,
            body = excluded.body, updated_at = excluded.updated_at
        """;

    private static readonly string[] Names =
    [
        "Id", "Seq", "Category", "Title", "Excerpt", "PublishedAt", "OriginalUrl", "WebUrl", "WebUrlHash", "AmpWebUrl", "CdnAmpWebUrl", "Type", "Quality",
        "Heat", "Published", "ProviderDomain", "ProviderName", "SecuredCiphertext", "SecuredIv", "SecuredKeyId", "SecuredMac", "Body",
        "Explain", "Now", "Story",
    ];

    public static async Task RunAsync(StoreBenchArguments arguments)
    {
        var generator = new StoreArticleGenerator(seed: 11, nonce: "-" + Guid.NewGuid().ToString("N")[..8]);
        var articles = generator.Batch(0, arguments.Count);
        var batches = articles.Chunk(arguments.Batch).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles.Count:N0} articles generated and sealed; load {Load()}"));
        await MeasureAsync("store (SaveArticlesAsync, every table)", async path =>
        {
            await using var store = SqliteStore.Open(path);
            return await TimeAsync(async () =>
            {
                foreach (var batch in batches)
                {
                    await store.SaveArticlesAsync(batch, default);
                }
            });
        });
        await MeasureAsync("article rows, raw SQLitePCL, FULL", path => RowsRaw(path, batches, "FULL"));
        await MeasureAsync("article rows, raw, FULL, foreign keys on", path => RowsRaw(path, batches, "FULL", foreignKeys: true));
        await MeasureAsync("article rows, raw, FULL, foreign keys, upsert", path => RowsRaw(path, batches, "FULL", foreignKeys: true, upsert: true));
        await MeasureAsync("article rows, raw, FULL, with story ids", path => RowsRaw(path, batches, "FULL", story: true));
        await MeasureAsync("article rows, SqliteCommand, FULL", path => RowsCommand(path, batches));
        await MeasureAsync("article rows, raw SQLitePCL, synchronous OFF", path => RowsRaw(path, batches, "OFF"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load {Load()}"));
    }

    private static async Task MeasureAsync(string name, Func<string, Task<(TimeSpan Wall, TimeSpan Cpu)>> run)
    {
        var directory = Directory.CreateTempSubdirectory("lede-store-layers-").FullName;
        try
        {
            var path = Path.Combine(directory, "layers.db");
            // Every layer starts from a migrated, empty database.
            await using (SqliteStore.Open(path))
            {
            }

            var (wall, cpu) = await run(path);
            var count = CountRows(path);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-48} {count / wall.TotalSeconds,8:N0}/s wall  {cpu.TotalMicroseconds / count,7:N1} µs CPU per article  ({count / cpu.TotalSeconds:N0} per CPU-second)  {StoreInsertThroughput.DatabaseSize(path)}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Task<(TimeSpan Wall, TimeSpan Cpu)> RowsRaw(
        string path, List<StoredRecord[]> batches, string synchronous, bool foreignKeys = false, bool upsert = false, bool story = false)
    {
        Check(raw.sqlite3_open_v2(path, out var db, raw.SQLITE_OPEN_READWRITE, null), db);
        using (db)
        {
            Exec(db, $"PRAGMA foreign_keys = {(foreignKeys ? "ON" : "OFF")}; PRAGMA synchronous = {synchronous}; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 1000");
            // The parents the foreign keys ask for, written before the clock starts.
            Exec(db, "INSERT INTO provider (domain, name) WITH RECURSIVE n(v) AS (SELECT 0 UNION ALL SELECT v + 1 FROM n WHERE v < 199) SELECT 'news' || v || '.example', 'News' FROM n");
            Check(raw.sqlite3_prepare_v2(db, upsert ? ArticleSql + UpsertSql : ArticleSql, out var statement), db);
            using (statement)
            {
                var indexes = Array.ConvertAll(Names, name => raw.sqlite3_bind_parameter_index(statement, "$" + name));
                var seq = 0L;
                return Task.FromResult(Time(() =>
                {
                    foreach (var batch in batches)
                    {
                        Exec(db, "BEGIN IMMEDIATE");
                        foreach (var article in batch)
                        {
                            var values = Values(article, ++seq);
                            values[^1] = story ? article.Analysis?.StoryId : null;
                            for (var i = 0; i < values.Length; i++)
                            {
                                Check(values[i] switch
                                {
                                    null => raw.sqlite3_bind_null(statement, indexes[i]),
                                    long l => raw.sqlite3_bind_int64(statement, indexes[i], l),
                                    int n => raw.sqlite3_bind_int64(statement, indexes[i], n),
                                    _ => raw.sqlite3_bind_text(statement, indexes[i], (string)values[i]!),
                                }, db);
                            }

                            if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
                            {
                                throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
                            }

                            raw.sqlite3_reset(statement);
                        }

                        Exec(db, "COMMIT");
                    }
                }));
            }
        }
    }

    private static Task<(TimeSpan Wall, TimeSpan Cpu)> RowsCommand(string path, List<StoredRecord[]> batches)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA foreign_keys = OFF; PRAGMA synchronous = FULL; PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 1000";
            pragma.ExecuteNonQuery();
        }

        var seq = 0L;
        return Task.FromResult(Time(() =>
        {
            foreach (var batch in batches)
            {
                using var tx = connection.BeginTransaction(deferred: false);
                using var command = connection.CreateCommand();
                command.CommandText = ArticleSql;
                var parameters = Array.ConvertAll(Names, name => command.Parameters.Add(new SqliteParameter("$" + name, null)));
                command.Prepare();
                foreach (var article in batch)
                {
                    var values = Values(article, ++seq);
                    for (var i = 0; i < values.Length; i++)
                    {
                        parameters[i].Value = values[i] ?? DBNull.Value;
                    }

                    command.ExecuteNonQuery();
                }

                tx.Commit();
            }
        }));
    }

    private static object?[] Values(StoredRecord article, long seq)
    {
        var r = article.Record;
        return
        [
            article.Id.ToInt64(), seq, r.Category, r.Title, r.Excerpt, r.PublishedDateTime.ToString("O", CultureInfo.InvariantCulture),
            r.OriginalUrl, r.WebUrl, SqliteUrlHash.Of(r.WebUrl), r.AmpWebUrl, r.CdnAmpWebUrl, "article", r.Quality, r.Heat, r.Published ? 1 : 0, r.Provider.Domain,
            r.Provider.Name, r.Secured?.Ciphertext, r.Secured?.Iv, article.Seal?.KeyId, article.Seal?.Mac, r.Body, article.Analysis?.Explain,
            "2026-01-01T00:00:00Z", null,
        ];
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimeAsync(Func<Task> work)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await work();
        wall.Stop();
        process.Refresh();
        return (wall.Elapsed, process.TotalProcessorTime - cpu);
    }

    private static (TimeSpan Wall, TimeSpan Cpu) Time(Action work) => TimeAsync(() =>
    {
        work();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    private static long CountRows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM article";
        return (long)command.ExecuteScalar()!;
    }

    private static void Exec(sqlite3 db, string sql) => Check(raw.sqlite3_exec(db, sql), db);

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite error {rc}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg")[..14] : "n/a";
}

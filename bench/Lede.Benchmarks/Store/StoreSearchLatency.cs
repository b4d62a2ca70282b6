using System.Diagnostics;
using System.Globalization;
using Lede.Storage;
using Lede.Storage.Postgres;
using Lede.Store;

namespace Lede.Benchmarks.Store;

/// <summary>
/// A plain harness: search latency on a database of N generated articles (built on first use, reused after), Q varied
/// queries through <see cref="IStore.SearchAsync"/>: p50/p95/p99/max and hits.
/// </summary>
internal static class StoreSearchLatency
{
    private static readonly string[] Topics = ["AI", "Computer Vision", "Privacy", "Policy"];

    public static async Task RunAsync(StoreBenchArguments arguments)
    {
        var db = arguments.Db ?? Path.Combine(Path.GetTempPath(), "lede-store-bench", string.Create(CultureInfo.InvariantCulture, $"search-{arguments.Count}.db"));
        var generator = new StoreArticleGenerator(seed: 17, nonce: "");
        await using var store = StoreFactory.Open(db);
        var held = await store.CountArticlesAsync(default);
        if (held < arguments.Count)
        {
            // The generator is deterministic: articles already held are skipped, so an interrupted build resumes.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"building {db}: {held:N0} of {arguments.Count:N0} articles held"));
            var skip = held / arguments.Batch * arguments.Batch;
            var clock = Stopwatch.StartNew();
            await StoreInsertThroughput.InsertAsync(store, generator, arguments.Count, arguments.Batch, print: true, default, skip);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        var total = await store.CountArticlesAsync(default);
        var queries = Queries(generator.Vocabulary, arguments.Queries, total, new Random(5))
            .Where(q => arguments.Kind is null || Kind(q) == arguments.Kind)
            .ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"searching {total:N0} articles ({StoreInsertThroughput.DatabaseSize(db)}) with {queries.Count:N0} queries, {arguments.Passes} pass(es)"));
        try
        {
            // Warm-up: the first queries pay for opening the index, not for searching it.
            foreach (var query in queries.Take(20))
            {
                await store.SearchAsync(query, default);
            }
        }
        catch (NotSupportedException e)
        {
            Console.WriteLine($"this store cannot search yet: {e.Message}");
            return;
        }

        // On PostgreSQL the query's CPU is spent in the server's processes: measured there when they run on this machine.
        await using var server = StoreFactory.IsPostgres(db) ? await PostgresServerClock.TryOpenAsync(PostgresConnectionString.From(db)) : null;
        var cpuLabel = server is null ? "CPU" : "server CPU";
        var times = new List<(string Kind, double Ms, int Hits, double CpuMs, SearchQuery Query)>();
        var dump = new List<string>();
        for (var pass = 0; pass < arguments.Passes; pass++)
        {
            // Every pass but the last warms the caches: the last one is reported.
            times.Clear();
            dump.Clear();
            foreach (var query in queries)
            {
                // The SQLite store searches on the calling thread, so its CPU clock is the query's CPU time there.
                var cpu = server is null ? ThreadCpuClock.Milliseconds() : await server.MillisecondsAsync();
                var clock = Stopwatch.StartNew();
                var hits = await store.SearchAsync(query, default);
                var wall = clock.Elapsed.TotalMilliseconds;
                cpu = (server is null ? ThreadCpuClock.Milliseconds() : await server.MillisecondsAsync()) - cpu;
                times.Add((Kind(query), wall, hits.Count, cpu, query));
                dump.Add(string.Create(CultureInfo.InvariantCulture, $"{query}: {string.Join(' ', hits.Select(h => h.Id))}"));
            }
        }

        if (arguments.Dump is { } file)
        {
            await File.WriteAllLinesAsync(file, dump);
        }

        Print("all", times, cpuLabel);
        foreach (var kind in times.Select(t => t.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Print(kind, times.Where(t => t.Kind == kind).ToList(), cpuLabel);
        }

        foreach (var group in times.GroupBy(t => t.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // The three slowest in wall time: on PostgreSQL the searching thread's CPU is not the query's cost.
            foreach (var (kind, ms, hits, cpu, query) in group.OrderByDescending(t => t.Ms).Take(3))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  slow {kind}: {ms:F2} ms wall, {cpu:F2} ms {cpuLabel}, {hits} hits: {query.Text} (topic {query.Topic ?? "-"}, since {query.Since:yyyy-MM-dd HH:mm}, published {query.PublishedOnly})"));
            }
        }
    }

    private static void Print(string kind, List<(string Kind, double Ms, int Hits, double CpuMs, SearchQuery Query)> times, string cpuLabel)
    {
        var ms = times.Select(t => t.Ms).Order().ToList();
        var cpu = times.Select(t => t.CpuMs).Order().ToList();
        double At(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {kind,-14} {times.Count,6} queries: p50 {At(ms, 0.50),7:F2} ms, p95 {At(ms, 0.95),7:F2} ms, p99 {At(ms, 0.99),7:F2} ms, max {ms[^1],7:F2} ms; {cpuLabel} p50 {At(cpu, 0.50),6:F2} ms, p99 {At(cpu, 0.99),6:F2} ms; hits {times.Average(t => t.Hits),5:F1} on average, {times.Count(t => t.Hits == 0)} with none"));
    }

    private static string Kind(SearchQuery query) => query switch
    {
        { Topic: not null } => "topic",
        { Since: not null } => "since",
        { PublishedOnly: true } => "published",
        _ when query.Text.Contains('"', StringComparison.Ordinal) => "phrase",
        _ when query.Text.Contains(" -", StringComparison.Ordinal) => "exclusion",
        _ when query.Text.Contains(' ', StringComparison.Ordinal) => "words",
        _ => "word",
    };

    /// <summary>Varied queries: common, rare and topical words, two words, phrases, exclusions, and the filters.</summary>
    private static List<SearchQuery> Queries(ZipfVocabulary vocabulary, int count, int articles, Random random)
    {
        string Common() => vocabulary[random.Next(200)];
        string Middle() => vocabulary[200 + random.Next(5_000)];
        string Topical() => ZipfVocabulary.Topical[random.Next(ZipfVocabulary.Topical.Length)];
        var queries = new List<SearchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            queries.Add((i % 9) switch
            {
                0 => new SearchQuery(Common()),
                1 => new SearchQuery(Middle()),
                2 => new SearchQuery(Topical()),
                3 => new SearchQuery($"{Topical()} {Topical()}"),
                4 => new SearchQuery($"\"{Topical()} {Common()}\""),
                5 => new SearchQuery($"{Topical()} -{Common()}"),
                6 => new SearchQuery(Topical(), Topic: Topics[random.Next(Topics.Length)]),
                // Since a moment in the stored span: from nearly everything to a recent sliver.
                7 => new SearchQuery($"{Topical()} {Common()}", Since: StoreArticleGenerator.PublishedAt(random.Next(Math.Max(1, articles)))),
                _ => new SearchQuery(Common(), PublishedOnly: true),
            });
        }

        return queries;
    }
}

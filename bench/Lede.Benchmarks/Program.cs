using BenchmarkDotNet.Running;
using Lede.Benchmarks;
using Lede.Benchmarks.Store;

// 'store insert N [--db PATH|CONNSTRING] [--batch B]': batched inserts; 'store search N [--db …] [--queries Q]': search latency;
// 'store layers N [--batch B]': the insert cost split by layer (whole store, raw SQLitePCL, SqliteCommand).
if (args is ["store", ..])
{
    var store = StoreBenchArguments.Parse(args);
    await (store.Verb switch
    {
        "insert" => StoreInsertThroughput.RunAsync(store),
        "layers" => StoreInsertLayers.RunAsync(store),
        _ => StoreSearchLatency.RunAsync(store),
    });
    return;
}

// 'import [N]' runs the plain store harness; anything else goes to BenchmarkDotNet (--filter '*').
if (args is ["import", ..])
{
    await ImportThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000);
    return;
}

// 'crawl [N]' crawls a generated loopback site of N articles with enrichment on.
if (args is ["crawl", ..])
{
    await CrawlThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}

// 'parse [MB]' runs the plain parse harness on the feed corpora and a generated corpus of MB megabytes.
if (args is ["parse", ..])
{
    ParseThroughput.Run((args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 120) * 1_000_000);
    return;
}

// 'parse-loop [MB] [ROUNDS]' parses a generated corpus ROUNDS times with nothing else in the process: the one to profile.
if (args is ["parse-loop", ..])
{
    ParseThroughput.Loop((args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 120) * 1_000_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

// 'parse-scaling [MB] [ROUNDS]' parses a generated corpus on one thread and on two, alternated, with GC counts and pauses.
if (args is ["parse-scaling", ..])
{
    ParseScaling.Run((args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 120) * 1_000_000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

// 'facts [ROUNDS]' runs the page-facts harness on the sample newsroom and the extraction corpus.
if (args is ["facts", ..])
{
    PageFactsThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

// 'parse-stages [MB]' splits parse time into decoding, tree building and the rest, and races the old sanitizer against the new.
if (args is ["parse-stages", ..])
{
    ParseStages.Run((args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60) * 1_000_000);
    return;
}

// 'sanitize [ROUNDS]' races the sanitizer against its frozen single-pass predecessor on generated item HTML.
if (args is ["sanitize", ..])
{
    SanitizeThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

// 'extract [ROUNDS]' runs the plain extraction harness on the extraction corpus's pages.
if (args is ["extract", ..])
{
    ExtractThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

// 'topics [ROUNDS]' runs the topic classification harness on BBC News from ../shared.
if (args is ["topics", ..])
{
    TopicsThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

// 'dedupe [N]' fingerprints and indexes N generated ~600-word articles, one in ten a syndicated copy.
if (args is ["dedupe", ..])
{
    DedupeThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

// 'score [N]' scores N generated articles for quality and N generated stories for heat.
if (args is ["score", ..])
{
    ScoreThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
    return;
}

// 'stories [N]' clusters a streamed generated feed of N articles: articles/s per 10,000, memory at 10k, 100k, 1M.
if (args is ["stories", ..])
{
    StoriesThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50_000, args.Length > 2 && args[2] != "-" ? args[2] : null, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : null);
    return;
}

// 'stories-quality [worst N] [grid] [Option=value]...' scores the clustering corpora in one process (see StoriesQuality).
if (args is ["stories-quality", ..])
{
    StoriesQuality.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RecordBenchmarks).Assembly).Run(args);

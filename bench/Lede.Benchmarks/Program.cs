using BenchmarkDotNet.Running;
using Lede.Benchmarks;

// 'import [N]' runs the plain store harness; anything else goes to BenchmarkDotNet (--filter '*').
if (args is ["import", ..])
{
    await ImportThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000);
    return;
}

// 'parse [MB]' runs the plain parse harness on the feed corpora and a generated corpus of MB megabytes.
if (args is ["parse", ..])
{
    ParseThroughput.Run((args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 120) * 1_000_000);
    return;
}

// 'facts [ROUNDS]' runs the page-facts harness on the sample newsroom and the extraction corpus.
if (args is ["facts", ..])
{
    PageFactsThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

// 'topics [ROUNDS]' runs the topic classification harness on BBC News from ../shared.
if (args is ["topics", ..])
{
    TopicsThroughput.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RecordBenchmarks).Assembly).Run(args);

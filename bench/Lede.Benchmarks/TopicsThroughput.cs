using System.Diagnostics;
using System.Globalization;
using Lede.Classify;

namespace Lede.Benchmarks;

/// <summary>The plain topics harness: documents/s classified by rules, by a trained model, and by both, on BBC News from ../shared.</summary>
internal static class TopicsThroughput
{
    public static void Run(int rounds)
    {
        var dir = Path.Combine(BenchData.RepoRoot(), "..", "shared", "corpora", "topics", "bbc");
        var documents = TopicCorpus.ReadBbc(dir).Documents;
        if (documents.Count == 0)
        {
            Console.WriteLine($"no BBC corpus under {dir}: nothing to measure");
            return;
        }

        var clock = Stopwatch.StartNew();
        var model = TopicTrainer.Train(documents).Model!;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained on {documents.Count} BBC documents in {clock.Elapsed.TotalSeconds:F1}s ({model.TermCount} terms)"));
        Report("rules (default taxonomy)", documents, rounds, new TopicClassifier(Taxonomy.Default));
        Report("model (5 labels)", documents, rounds, new TopicClassifier(Taxonomy.Empty, model));
        Report("rules + model", documents, rounds, new TopicClassifier(Taxonomy.Default, model));
    }

    private static void Report(string name, IReadOnlyList<TopicDocument> documents, int rounds, TopicClassifier classifier)
    {
        // One untimed pass warms the JIT.
        var labels = documents.Sum(d => classifier.Classify(d.Title, d.Text).Labels.Count);
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            labels += documents.Sum(d => classifier.Classify(d.Title, d.Text).Labels.Count);
        }

        var n = documents.Count * rounds;
        GC.KeepAlive(labels);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {n / clock.Elapsed.TotalSeconds:F0} documents/s ({clock.Elapsed.TotalMilliseconds / n:F3} ms/document)"));
    }
}

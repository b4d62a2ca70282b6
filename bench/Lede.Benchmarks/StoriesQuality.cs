using System.Globalization;
using Lede.Cluster;

namespace Lede.Benchmarks;

/// <summary>The story clustering quality harness: B-cubed and pairwise figures on the three clustering corpora in one process, the worst errors, and the held-out grid.</summary>
/// <remarks>
/// <c>stories-quality [worst N] [Name=value]...</c> scores the defaults (or the options given) and prints, per corpus, the N predicted
/// stories that mix the most gold stories and the N gold stories split the most, with titles. <c>stories-quality grid</c> runs the
/// README's held-out protocol: each setting of the grid scored on all three corpora, the best mean B-cubed F1 on two applied to the third.
/// </remarks>
internal static class StoriesQuality
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Run(string[] args)
    {
        var corpora = Load();
        var worst = 0;
        var options = new StoryClusterOptions();
        var grid = false;
        string? trace = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "worst" && i + 1 < args.Length)
            {
                worst = int.Parse(args[++i], Inv);
            }
            else if (args[i] == "trace" && i + 1 < args.Length)
            {
                trace = args[++i];
            }
            else if (args[i] == "grid")
            {
                grid = true;
            }
            else if (args[i].Split('=') is [var name, var value])
            {
                options = With(options, name, double.Parse(value, Inv));
            }
        }

        if (grid)
        {
            Grid(corpora, options);
            return;
        }

        foreach (var corpus in corpora)
        {
            var (scores, predicted) = Score(corpus, options, trace);
            Print(corpus.Name, scores);
            if (worst > 0)
            {
                Errors(corpus, predicted, worst);
            }
        }
    }

    private static void Print(string name, ClusterScores s)
        => Console.WriteLine(string.Create(Inv,
            $"{name,-6} B3 P/R/F1 {100 * s.BCubedPrecision:F1} / {100 * s.BCubedRecall:F1} / {100 * s.BCubedF1:F1}   pair P/R/F1 {100 * s.PairPrecision:F1} / {100 * s.PairRecall:F1} / {100 * s.PairF1:F1}   stories {s.PredictedClusters} / {s.GoldClusters}"));

    private static List<(string Name, IReadOnlyList<StoryCorpusEntry> Entries)> Load()
    {
        var dir = Path.Combine(BenchData.RepoRoot(), "..", "shared", "corpora", "clustering");
        var result = new List<(string, IReadOnlyList<StoryCorpusEntry>)>();
        foreach (var (name, file) in new[] { ("ecb+", "ecbplus/docs.jsonl"), ("basil", "basil/docs.jsonl"), ("uci", "uci-head/uci-news-aggregator.head.csv") })
        {
            using var reader = new StreamReader(Path.Combine(dir, file));
            var read = file.EndsWith(".csv", StringComparison.Ordinal) ? StoryCorpus.ReadCsv(reader) : StoryCorpus.ReadJsonl(reader);
            result.Add((name, read.Entries));
        }

        return result;
    }

    private static (ClusterScores Scores, Dictionary<string, string> Predicted) Score((string Name, IReadOnlyList<StoryCorpusEntry> Entries) corpus, StoryClusterOptions options, string? trace = null)
    {
        var clusterer = new StoryClusterer(options);
        var assigned = new Dictionary<string, long>(StringComparer.Ordinal);
        var map = new StoryIdMap();
        foreach (var entry in StoryCorpus.PublicationOrder(corpus.Entries))
        {
            var assignment = clusterer.Add(entry.Document);
            map.Record(assignment);
            if (trace is not null && entry.Document.Id.StartsWith(trace, StringComparison.Ordinal))
            {
                Console.WriteLine($"  {entry.Document.Id} [{entry.Cluster}] {string.Join(" | ", assignment.Why)}");
            }

            assigned[entry.Document.Id] = assignment.StoryId;
        }

        var predicted = assigned.ToDictionary(a => a.Key, a => map.Resolve(a.Value).ToString(Inv), StringComparer.Ordinal);

        var gold = corpus.Entries.Where(e => e.Cluster is not null).GroupBy(e => e.Document.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Cluster!, StringComparer.Ordinal);
        return (ClusterMetrics.Compute(predicted, gold), predicted);
    }

    // The predicted stories that mix the most gold stories, and the gold stories spread over the most predicted ones, with titles.
    private static void Errors((string Name, IReadOnlyList<StoryCorpusEntry> Entries) corpus, Dictionary<string, string> predicted, int worst)
    {
        var entries = corpus.Entries.Where(e => e.Cluster is not null).ToList();
        string Title(StoryCorpusEntry e) => (e.Document.Title ?? e.Document.Text)[..Math.Min(90, (e.Document.Title ?? e.Document.Text).Length)].ReplaceLineEndings(" ");
        // Wrong pairs a predicted story holds, and right pairs a gold story misses.
        static long Pairs(IEnumerable<int> sizes) => sizes.Sum(n => (long)n * (n - 1) / 2);
        var merged = entries.GroupBy(e => predicted[e.Document.Id], StringComparer.Ordinal)
            .Select(g => (g, wrong: Pairs([g.Count()]) - Pairs(g.GroupBy(e => e.Cluster, StringComparer.Ordinal).Select(c => c.Count()))))
            .Where(x => x.wrong > 0).OrderByDescending(x => x.wrong).Take(worst);
        foreach (var (g, wrong) in merged)
        {
            Console.WriteLine($"  merged story {g.Key}: {wrong} wrong pairs");
            foreach (var e in g.OrderBy(e => e.Cluster, StringComparer.Ordinal))
            {
                Console.WriteLine($"    [{e.Cluster}] {Title(e)}");
            }
        }

        var split = entries.GroupBy(e => e.Cluster!, StringComparer.Ordinal)
            .Select(g => (g, missed: Pairs([g.Count()]) - Pairs(g.GroupBy(e => predicted[e.Document.Id], StringComparer.Ordinal).Select(c => c.Count()))))
            .Where(x => x.missed > 0).OrderByDescending(x => x.missed).Take(worst);
        foreach (var (g, missed) in split)
        {
            Console.WriteLine($"  split gold {g.Key}: {missed} missed pairs");
            foreach (var e in g.OrderBy(e => predicted[e.Document.Id], StringComparer.Ordinal))
            {
                Console.WriteLine($"    <{predicted[e.Document.Id]}> {Title(e)}");
            }
        }
    }

    // The held-out protocol: a grid of join thresholds × short-text factors × full-text merge bars, the best mean B-cubed F1 on
    // two corpora applied to the third.
    private static void Grid(List<(string Name, IReadOnlyList<StoryCorpusEntry> Entries)> corpora, StoryClusterOptions baseline)
    {
        var settings = new List<(StoryClusterOptions O, ClusterScores[] S)>();
        for (var t = 0.16; t <= 0.2601; t += 0.02)
        {
            for (var f = 0.5; f <= 1.001; f += 0.1)
            {
                foreach (var m in new[] { 0.28, 0.36, 0.44, 0.52 })
                {
                    // The full-text merge bar varies; the headline bar (threshold × short factor) stays the baseline's.
                    var options = baseline with
                    {
                        JoinThreshold = Math.Round(t, 3),
                        ShortTextFactor = Math.Round(f, 2),
                        MergeThreshold = m,
                        MergeShortFactor = baseline.MergeThreshold * baseline.MergeShortFactor / m,
                    };
                    settings.Add((options, [.. corpora.Select(c => Score(c, options).Scores)]));
                }
            }
        }

        var all = settings.MaxBy(s => s.S.Average(x => x.BCubedF1));
        Console.WriteLine($"in-sample best: {Setting(all.O)}");
        for (var c = 0; c < corpora.Count; c++)
        {
            Print(corpora[c].Name, all.S[c]);
        }

        for (var held = 0; held < corpora.Count; held++)
        {
            var h = held;
            var best = settings.Max(s => Mean(s.S, h));
            var ties = settings.Where(s => Mean(s.S, h) >= best - 1e-9).ToList();
            foreach (var tie in ties)
            {
                Console.Write($"held out, chosen {Setting(tie.O)} on the others: ");
                Print(corpora[held].Name, tie.S[held]);
            }
        }
    }

    private static string Setting(StoryClusterOptions o)
        => string.Create(Inv, $"threshold {o.JoinThreshold:F2} short factor {o.ShortTextFactor:F1} merge {o.MergeThreshold:F2}");

    private static double Mean(ClusterScores[] scores, int without)
        => scores.Where((_, i) => i != without).Average(s => s.BCubedF1);

    private static StoryClusterOptions With(StoryClusterOptions o, string name, double v) => name switch
    {
        "JoinThreshold" => o with { JoinThreshold = v },
        "StrongThreshold" => o with { StrongThreshold = v },
        "ShortTextFactor" => o with { ShortTextFactor = v },
        "ShortTextTerms" => o with { ShortTextTerms = (int)v },
        "TimeSigmaDays" => o with { TimeSigmaDays = v },
        "TimeFloor" => o with { TimeFloor = v },
        "WeightAll" => o with { WeightAll = v },
        "WeightLead" => o with { WeightLead = v },
        "WeightTitle" => o with { WeightTitle = v },
        "WeightEntities" => o with { WeightEntities = v },
        "MinSharedEntities" => o with { MinSharedEntities = (int)v },
        "MinSharedTitleTerms" => o with { MinSharedTitleTerms = (int)v },
        "DistinctiveIdfShare" => o with { DistinctiveIdfShare = v },
        "MaxCandidates" => o with { MaxCandidates = (int)v },
        "QueryTerms" => o with { QueryTerms = (int)v },
        "CentroidCap" => o with { CentroidCap = (int)v },
        "IdfPriorStories" => o with { IdfPriorStories = v },
        "DetailEntities" => o with { DetailEntities = (int)v },
        "DetailConflictFactor" => o with { DetailConflictFactor = v },
        "DetailAgreeFactor" => o with { DetailAgreeFactor = v },
        "MergeThreshold" => o with { MergeThreshold = v },
        "DetailMinTerms" => o with { DetailMinTerms = (int)v },
        "MergeShortFactor" => o with { MergeShortFactor = v },
        "LeadWords" => o with { LeadWords = (int)v },
        "YoungStoryArticles" => o with { YoungStoryArticles = (int)v },
        "RepeatBridgeFactor" => o with { RepeatBridgeFactor = v },
        "CloseHeadlines" => o with { CloseHeadlines = (int)v },
        "CloseHeadlineCosine" => o with { CloseHeadlineCosine = v },
        "HeadlinesKept" => o with { HeadlinesKept = (int)v },
        "BridgeEvidence" => o with { BridgeEvidence = v },
        "HeadlineCompoundParts" => o with { HeadlineCompoundParts = v > 0 },
        "YearOrder" => o with { YearOrder = v != 0 },
        _ => throw new ArgumentException($"unknown option {name}", nameof(name)),
    };
}

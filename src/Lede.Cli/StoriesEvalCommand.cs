using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lede.Cluster;

namespace Lede.Cli;

/// <summary><c>lede stories eval --pred P.jsonl --gold G.jsonl</c>: B-cubed and pairwise P/R/F1 and cluster counts.</summary>
internal static class StoriesEvalCommand
{
    public static Command Create()
    {
        var pred = new Option<string>("--pred") { Description = "Predicted stories: JSON Lines {id, story} (as 'lede stories cluster' writes)", Required = true };
        var gold = new Option<string>("--gold")
        {
            Description = "Gold stories: JSON Lines {id, cluster} or {id, story} (a corpus docs.jsonl works), or a CSV with ID and STORY columns",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object" };
        var command = new Command("eval", """
            Score predicted stories against gold ones. B-cubed: per document, the share of its predicted story in its gold
            story (precision) and of its gold story in its predicted one (recall), averaged. Pairwise: over all pairs of
            documents put together. A gold document without a prediction counts as a story of its own.
            """) { pred, gold, json };
        command.SetAction(parse =>
        {
            var (predPath, goldPath) = (parse.GetValue(pred)!, parse.GetValue(gold)!);
            var problems = 0;
            var predCorpus = StoriesFiles.Read(predPath);
            var predicted = StoriesFiles.Clusters(predPath, predCorpus, ref problems);
            var goldCorpus = StoriesFiles.Read(goldPath);
            var goldClusters = StoriesFiles.Clusters(goldPath, goldCorpus, ref problems);
            problems += predCorpus.Warnings.Count + goldCorpus.Warnings.Count;
            var e = ClusterMetrics.Compute(predicted, goldClusters);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(e, CliJson.Options));
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                Console.WriteLine(string.Create(inv, $"{e.Documents} documents ({e.Missing} without a prediction, {e.Unscored} predictions not in gold); stories: {e.PredictedClusters} predicted, {e.GoldClusters} gold"));
                Console.WriteLine(string.Create(inv, $"B-cubed   P {e.BCubedPrecision:P2}  R {e.BCubedRecall:P2}  F1 {e.BCubedF1:P2}"));
                Console.WriteLine(string.Create(inv, $"pairwise  P {e.PairPrecision:P2}  R {e.PairRecall:P2}  F1 {e.PairF1:P2}"));
            }

            return problems > 0 ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }
}

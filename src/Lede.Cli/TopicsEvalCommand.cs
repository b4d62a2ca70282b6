using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lede.Classify;

namespace Lede.Cli;

/// <summary><c>lede topics eval --in labelled.jsonl [--folds 5]</c>: k-fold cross-validation with accuracy, macro-F1 and per-label P/R/F1.</summary>
internal static class TopicsEvalCommand
{
    public static Command Create()
    {
        var input = new TopicsInput();
        var folds = new Option<int>("--folds") { Description = "Folds of the cross-validation (default 5)", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object" };
        var command = new Command("eval", """
            Cross-validate the topic trainer on labelled documents: each fold is predicted by a model trained on the
            others. Corpora where every document has one label are scored by the top label (accuracy), others by the
            per-label thresholds (exact-match accuracy). Prints accuracy, macro- and micro-F1 and per-label P/R/F1.
            """) { folds, json };
        input.AddTo(command);
        command.SetAction(parse =>
        {
            var corpus = input.Read(parse);
            if (corpus.Documents.Count < 2)
            {
                throw new CliException("fewer than 2 labelled documents: nothing to cross-validate");
            }

            var clock = Stopwatch.StartNew();
            var options = input.Options(parse);
            var e = TopicEvaluator.CrossValidate(corpus.Documents, parse.GetValue(folds), options);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(e, CliJson.Options));
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                Console.WriteLine(string.Create(inv, $"{e.Documents} documents, {e.Folds}-fold cross-validation, {options.Learner}, {(e.SingleLabel ? "single-label (argmax)" : "multi-label (thresholds)")}, {clock.Elapsed.TotalSeconds:0.0}s"));
                Console.WriteLine(string.Create(inv, $"accuracy {e.Accuracy:P2}  macro-F1 {e.MacroF1:P2}  micro-F1 {e.MicroF1:P2}"));
                Console.WriteLine($"{"label",-28} {"P",7} {"R",7} {"F1",7} {"n",6}");
                foreach (var m in e.PerLabel)
                {
                    Console.WriteLine(string.Create(inv, $"{m.Label,-28} {m.Precision,7:P1} {m.Recall,7:P1} {m.F1,7:P1} {m.Support,6}"));
                }
            }

            return corpus.Warnings.Count > 0 ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }
}

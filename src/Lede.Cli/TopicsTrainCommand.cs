using System.CommandLine;
using System.Globalization;
using Lede.Classify;

namespace Lede.Cli;

/// <summary><c>lede topics train --in labelled.jsonl --model FILE [--folds K]</c>: learns a topic model and writes it.</summary>
internal static class TopicsTrainCommand
{
    public static Command Create()
    {
        var input = new TopicsInput();
        var model = new Option<string>("--model") { Description = "Where to write the model", Required = true };
        var folds = new Option<int>("--folds")
        {
            Description = "Held-out folds for calibrating scores and tuning per-label thresholds (default 3; 0 keeps 0.5)",
            DefaultValueFactory = _ => 3,
        };
        var command = new Command("train", """
            Learn a topic model (TF-IDF unigrams and bigrams, title boost, one linear scorer per label) from labelled
            documents and write it to --model. The model classifies into the labels of its training data. Lines that
            cannot be read are reported and skipped; the exit code is 1 when any was.
            """) { model, folds };
        input.AddTo(command);
        command.SetAction(parse =>
        {
            var corpus = input.Read(parse);
            var options = input.Options(parse, parse.GetValue(folds));
            var result = TopicTrainer.Train(corpus.Documents, options);
            foreach (var warning in result.Warnings)
            {
                Console.Error.WriteLine($"lede: {warning}");
            }

            if (result.Model is null)
            {
                return ExitCode.Failure;
            }

            var path = parse.GetValue(model)!;
            using (var file = File.Create(path))
            {
                result.Model.Save(file);
            }

            var labels = string.Join(", ", result.Model.Labels.Select((l, c) => string.Create(CultureInfo.InvariantCulture, $"{l} ≥ {result.Model.Thresholds[c]:0.###}")));
            Console.WriteLine($"trained on {corpus.Documents.Count} documents, {result.Model.TermCount} terms; labels: {labels}; wrote {path}");
            return corpus.Warnings.Count > 0 ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }
}

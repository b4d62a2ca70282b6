using System.CommandLine;
using Lede.Classify;

namespace Lede.Cli;

/// <summary>The labelled-document options the topics verbs share: <c>--in FILE</c>, <c>--bbc DIR</c>, <c>--agnews DIR</c>, <c>--learner</c>.</summary>
internal sealed class TopicsInput
{
    public Option<string?> In { get; } = new("--in") { Description = "Labelled JSON Lines: {id, title, text, labels[]} per line" };

    public Option<string?> Bbc { get; } = new("--bbc") { Description = "The BBC News corpus folder (<class>/<n>.txt, first line the title)" };

    public Option<string?> AgNews { get; } = new("--agnews") { Description = "The AG News folder or CSV (label,title,description; classes.txt)" };

    public Option<TopicLearner> Learner { get; } = new("--learner")
    {
        Description = "ComplementNaiveBayes (default) or LogisticRegression",
        DefaultValueFactory = _ => TopicLearner.ComplementNaiveBayes,
    };

    public Option<double?> L2 { get; } = new("--l2") { Description = "L2 penalty of logistic regression (default 1e-5)" };

    public Option<int?> Epochs { get; } = new("--epochs") { Description = "SGD passes of logistic regression (default 20)" };

    public Option<int?> MinDf { get; } = new("--min-df") { Description = "Documents a term must occur in to be a feature (default 2)" };

    /// <summary>The training options the command line chose, defaults for the rest.</summary>
    public TopicTrainOptions Options(System.CommandLine.ParseResult parse, int? thresholdFolds = null)
    {
        var options = new TopicTrainOptions { Learner = parse.GetValue(Learner) };
        options = parse.GetValue(L2) is { } l2 ? options with { L2 = l2 } : options;
        options = parse.GetValue(Epochs) is { } epochs ? options with { Epochs = epochs } : options;
        options = parse.GetValue(MinDf) is { } minDf ? options with { MinDocumentFrequency = minDf } : options;
        return thresholdFolds is { } k ? options with { ThresholdFolds = k } : options;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(L2);
        command.Options.Add(Epochs);
        command.Options.Add(MinDf);
        command.Options.Add(In);
        command.Options.Add(Bbc);
        command.Options.Add(AgNews);
        command.Options.Add(Learner);
    }

    /// <summary>Reads the one chosen source; skipped lines are printed to stderr and reported in the result.</summary>
    /// <exception cref="CliException">No source or more than one was given, or the file cannot be read.</exception>
    public TopicCorpusResult Read(System.CommandLine.ParseResult parse)
    {
        var (file, bbc, ag) = (parse.GetValue(In), parse.GetValue(Bbc), parse.GetValue(AgNews));
        if (new[] { file, bbc, ag }.Count(s => s is not null) != 1)
        {
            throw new CliException("give exactly one of --in FILE, --bbc DIR, --agnews DIR");
        }

        TopicCorpusResult result;
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new CliException($"{file} does not exist");
            }

            using var reader = new StreamReader(file);
            result = TopicCorpus.ReadJsonl(reader, requireLabels: true);
        }
        else
        {
            result = bbc is not null ? TopicCorpus.ReadBbc(bbc) : TopicCorpus.ReadAgNews(ag!);
        }

        foreach (var warning in result.Warnings)
        {
            Console.Error.WriteLine($"lede: {file ?? bbc ?? ag}: {warning}");
        }

        return result;
    }
}

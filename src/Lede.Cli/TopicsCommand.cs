using System.CommandLine;

namespace Lede.Cli;

/// <summary><c>lede topics</c>: train, apply and measure the topic classifier.</summary>
internal static class TopicsCommand
{
    public static Command Create() => new("topics", "Topic classification: train a model from labelled JSON Lines, classify with it, measure it by cross-validation")
    {
        TopicsTrainCommand.Create(),
        TopicsClassifyCommand.Create(),
        TopicsEvalCommand.Create(),
    };
}

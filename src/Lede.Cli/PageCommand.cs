using System.CommandLine;

namespace Lede.Cli;

/// <summary><c>lede page</c>: commands that work on single article pages.</summary>
internal static class PageCommand
{
    public static Command Create() => new("page", "Work on article pages: extract their facts and main text, measure extraction against a ground truth")
    {
        PageExtractCommand.Create(),
        PageEvalCommand.Create(),
    };
}

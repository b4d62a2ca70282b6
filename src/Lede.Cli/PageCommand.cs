using System.CommandLine;

namespace Lede.Cli;

/// <summary><c>lede page</c>: commands that work on single article pages.</summary>
internal static class PageCommand
{
    public static Command Create() => new("page", "Work on article pages: measure main-text extraction against a ground truth")
    {
        PageEvalCommand.Create(),
    };
}

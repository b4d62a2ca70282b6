using System.CommandLine;

namespace Lede.Cli;

/// <summary><c>lede feed</c>: commands that work on single feeds.</summary>
internal static class FeedCommand
{
    public static Command Create() => new("feed", "Work on single feeds: parse a feed file and print what Lede reads from it")
    {
        FeedParseCommand.Create(),
    };
}

using System.CommandLine;

namespace Lede.Cli;

/// <summary><c>lede stories</c>: cluster a stream of documents into stories and measure a clustering.</summary>
internal static class StoriesCommand
{
    public static Command Create() => new("stories", "Story clustering: put each document into a story as it arrives, and score a clustering against gold stories")
    {
        StoriesClusterCommand.Create(),
        StoriesEvalCommand.Create(),
    };
}

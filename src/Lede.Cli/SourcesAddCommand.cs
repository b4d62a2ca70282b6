using System.CommandLine;
using Lede.Sources;
using Lede.Storage;

namespace Lede.Cli;

/// <summary><c>lede sources add URL [--topic T]...</c>.</summary>
internal static class SourcesAddCommand
{
    public static Command Create(GlobalOptions global)
    {
        var url = new Argument<string>("URL") { Description = "The feed's URL (RSS, Atom, JSON Feed or news JSON)" };
        var topics = new Option<string[]>("--topic") { Description = "A topic this source is about (repeat for more)", HelpName = "T" };
        var title = new Option<string?>("--title") { Description = "A name for the source (default: the feed's own title)" };
        var command = new Command("add", "Follow a feed; adding one already followed changes nothing") { url, topics, title };
        command.SetAction(async (parse, ct) =>
        {
            var (checkedUrl, problem) = SourceUrl.Parse(parse.GetValue(url)!);
            if (checkedUrl is null)
            {
                throw new CliException(problem!);
            }

            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var (source, added, refused) = await new SourceCap(store).AddAsync(checkedUrl.AbsoluteUri, parse.GetValue(title), parse.GetValue(topics) ?? [], ct);
            if (source is null)
            {
                throw new CliException(refused!);
            }

            Console.WriteLine(added ? $"added source {source.Id}: {source.Url}" : $"already following {source.Url} as source {source.Id}");
            return ExitCode.Success;
        });
        return command;
    }
}

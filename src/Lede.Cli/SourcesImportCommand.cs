using System.CommandLine;
using Lede.Parse;
using Lede.Sources;
using Lede.Storage;
using Lede.Store;

namespace Lede.Cli;

/// <summary><c>lede sources import FILE.opml</c>.</summary>
internal static class SourcesImportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Argument<string>("FILE") { Description = "An OPML 1.0 or 2.0 subscription list, as feed readers export it" };
        var command = new Command("import", """
            Follow every feed an OPML file lists; folders and categories become topic hints. Feeds already
            followed are left as they are; an entry without a usable URL is reported and skipped.
            """) { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"{path} does not exist");
            }

            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var (added, known, skipped) = await ImportAsync(store, path, ct);
            Console.WriteLine($"added {added} sources, {known} already followed, {skipped} skipped");
            return skipped > 0 ? ExitCode.Failure : ExitCode.Success;
        });
        return command;
    }

    /// <summary>Adds the feeds of an OPML file to the store; problems go to stderr, one line each.</summary>
    public static async Task<(int Added, int Known, int Skipped)> ImportAsync(IStore store, string path, CancellationToken ct)
    {
        var opml = OpmlReader.Parse(new FeedInput(await File.ReadAllBytesAsync(path, ct)));
        if (opml.Error is not null)
        {
            throw new CliException($"{path}: {opml.Error}");
        }

        foreach (var warning in opml.Warnings)
        {
            Console.Error.WriteLine($"lede: {path}: {warning.Message}");
        }

        int added = 0, known = 0, skipped = 0;
        var cap = new SourceCap(store);
        foreach (var outline in opml.Outlines)
        {
            var (url, problem) = SourceUrl.Parse(outline.XmlUrl);
            if (url is null)
            {
                Console.Error.WriteLine($"lede: {path}: {problem}");
                skipped++;
                continue;
            }

            var (source, isNew, refused) = await cap.AddAsync(url.AbsoluteUri, outline.Title ?? outline.Text, TopicHints.FromCategory(outline.Category), ct);
            if (source is null)
            {
                Console.Error.WriteLine($"lede: {path}: {url.AbsoluteUri}: {refused}");
                skipped++;
                continue;
            }

            added += isNew ? 1 : 0;
            known += isNew ? 0 : 1;
        }

        return (added, known, skipped);
    }
}

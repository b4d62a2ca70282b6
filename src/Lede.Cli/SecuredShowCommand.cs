using System.CommandLine;
using System.Text.Json;
using Lede.Storage;
using Lede.Store;

namespace Lede.Cli;

/// <summary><c>lede secured show ID</c>: decrypts one article's payload after checking its MAC.</summary>
internal static class SecuredShowCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = ArticleIdArgument.Create();
        var json = new Option<bool>("--json") { Description = "Print the payload as JSON" };
        var command = new Command("show", "Decrypt and print an article's full text, authors and raw description") { id, json };
        command.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(id)!;
            var articleId = ArticleIdArgument.Parse(text);

            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var stored = await store.FindRecordAsync(articleId, ct) ?? throw new CliException($"there is no article {text}");
            if (stored.Record.Secured is null)
            {
                throw new CliException($"article {text} has no secured payload");
            }

            if (stored.Seal is not { } seal)
            {
                throw new CliException($"article {text}: its payload was imported without its key id and MAC, so Lede cannot verify it");
            }

            SecuredPayload payload;
            try
            {
                payload = new SecuredBox(KeyFile.Load(global.ResolveKeys(parse))).Open(articleId, seal);
            }
            catch (SecuredPayloadException e)
            {
                throw new CliException($"article {text}: {e.Message}");
            }

            if (!seal.IsBound)
            {
                Console.Error.WriteLine($"lede: note: article {text} was sealed before id binding; 'lede keys rotate --continue' re-seals it");
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { id = text, payload.Authors, payload.Description, payload.Text }, CliJson.Options));
            }
            else
            {
                Console.WriteLine($"authors: {string.Join(", ", payload.Authors)}");
                Console.WriteLine();
                Console.WriteLine(payload.Text);
            }

            return ExitCode.Success;
        });
        return command;
    }
}

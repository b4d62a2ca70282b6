using System.CommandLine;
using Lede.Storage;
using Lede.Store;

namespace Lede.Cli;

/// <summary><c>lede keys rotate</c>: adds a key and re-seals every payload under it, bound to its article; resumable.</summary>
/// <remarks>
/// Each article is re-sealed in its own transaction, so an interrupted rotation loses nothing: run it again with
/// <c>--continue</c> to finish under the same new key. <c>--continue</c> also re-seals payloads sealed before the article
/// binding (their MAC does not name the article), so that none is left that another row could hold unnoticed. Old keys leave the file only once nothing is sealed with them.
/// </remarks>
internal static class KeysRotateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var resume = new Option<bool>("--continue") { Description = "Finish an interrupted rotation under the current key instead of adding another (also re-seals payloads sealed before id binding)" };
        var command = new Command("rotate", "Add a new key and re-encrypt every secured payload under it") { resume };
        command.SetAction(async (parse, ct) =>
        {
            var path = global.ResolveKeys(parse);
            if (!File.Exists(path))
            {
                throw new CliException($"{path} does not exist; create it with 'lede keys new'");
            }

            var lines = KeyFile.ReadLines(path);
            if (!parse.GetValue(resume))
            {
                SecuredKey.New(out var text);
                lines.Add(text);
                KeyFile.Write(path, lines);
            }

            var ring = KeyRing.Parse(string.Join('\n', lines), path);
            await using var store = StoreFactory.Open(global.ResolveDb(parse));
            var (resealed, failed, stillUsed) = await ResealAsync(store, ring, ct);
            var kept = lines.Where((_, i) => i == lines.Count - 1 || stillUsed.Contains(ring.Keys[i].Id)).ToList();
            KeyFile.Write(path, kept);
            Console.WriteLine($"re-sealed {resealed} payloads under {ring.Current}; {failed} could not be opened; removed {lines.Count - kept.Count} unused keys");
            return failed == 0 ? ExitCode.Success : ExitCode.Failure;
        });
        return command;
    }

    private static async Task<(int Resealed, int Failed, HashSet<string> StillUsed)> ResealAsync(IStore store, KeyRing ring, CancellationToken ct)
    {
        var box = new SecuredBox(ring);
        int resealed = 0, failed = 0;
        var stillUsed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var stored in store.ReadRecordsAsync(RecordOrder.Imported, ct))
        {
            // A payload sealed before the article binding is re-sealed even under the current key, so that it gets bound.
            if (stored.Seal is not { } seal || (seal.KeyId == ring.Current.Id && seal.IsBound))
            {
                continue;
            }

            try
            {
                var fresh = box.Seal(stored.Id, box.Open(stored.Id, seal));
                await store.SaveRecordAsync(stored.Id, stored.Record with { Secured = fresh.Value }, fresh, ct);
                resealed++;
            }
            catch (SecuredPayloadException e)
            {
                // Left as it is, with its key kept: one bad payload never stops the rotation.
                Console.Error.WriteLine($"lede: article {stored.Id}: {e.Message}");
                stillUsed.Add(seal.KeyId);
                failed++;
            }
        }

        return (resealed, failed, stillUsed);
    }
}
